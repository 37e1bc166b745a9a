package dev.rootlock.fix;

import dev.rootlock.fix.yaml.TextEdit;
import java.util.List;

/**
 * The outcome of fixing one text.
 *
 * @param fixed the fixed text; equal to the original when nothing needed changing, null on error
 * @param edits the splices that turn the original into {@code fixed}
 * @param notes what the user should know, each prefixed with the object it is about
 * @param error why the text was left untouched, or null
 * @param hardened how many objects (workloads, Compose services) the edits harden
 */
public record TextFix(
    String fixed, List<TextEdit> edits, List<String> notes, String error, int hardened) {

  public TextFix {
    edits = List.copyOf(edits);
    notes = List.copyOf(notes);
  }

  /** A fix that hardens no object (nothing changed, an error, or only keys renamed). */
  public TextFix(String fixed, List<TextEdit> edits, List<String> notes, String error) {
    this(fixed, edits, notes, error, 0);
  }

  static TextFix unchanged(String text, List<String> notes) {
    return new TextFix(text, List.of(), notes, null);
  }

  static TextFix failed(String error, List<String> notes) {
    return new TextFix(null, List.of(), notes, error);
  }

  /** Whether the text needs changing. */
  public boolean changed() {
    return error == null && !edits.isEmpty();
  }
}
