package dev.rootlock.fix;

import java.util.List;

/**
 * The outcome of fixing one text.
 *
 * @param fixed the fixed text; equal to the original when nothing needed changing, null on error
 * @param notes what the user should know, each prefixed with the object it is about
 * @param error why the text was left untouched, or null
 */
public record TextFix(String fixed, List<String> notes, String error) {

  public TextFix {
    notes = List.copyOf(notes);
  }

  static TextFix failed(String error, List<String> notes) {
    return new TextFix(null, notes, error);
  }
}
