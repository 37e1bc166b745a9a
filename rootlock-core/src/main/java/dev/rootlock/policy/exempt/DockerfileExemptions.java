package dev.rootlock.policy.exempt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exemptions written in a Dockerfile: a comment {@code # rootlock:exempt <check>[,<check>]: reason}
 * on the line before an instruction covers the findings reported at that instruction. The form
 * after the marker is the {@code rootlock.dev/exempt} annotation's.
 */
public final class DockerfileExemptions {

  /** The comment's marker. */
  public static final String MARKER = "rootlock:exempt";

  private DockerfileExemptions() {}

  /**
   * The exemptions by the line (1-based) of the instruction each one precedes, and the comments
   * that could not be read.
   *
   * @param file the Dockerfile's name, for sources ({@code Dockerfile:3})
   */
  public static Read read(String file, String text) {
    Map<Integer, List<Exemption>> byLine = new HashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.startsWith("#")) {
        continue;
      }
      String comment = line.substring(1).strip();
      if (!comment.startsWith(MARKER + " ")) {
        continue;
      }
      String source = "comment " + MARKER + " at " + file + ":" + (i + 1);
      int target = nextInstruction(lines, i + 1);
      try {
        Exemption exemption =
            AnnotationExemptions.parse(
                comment.substring(MARKER.length()).strip(), Scope.ANY, source);
        if (target < 0) {
          problems.add(source + ": not on the line right above an instruction");
        } else {
          byLine.computeIfAbsent(target + 1, k -> new ArrayList<>()).add(exemption);
        }
      } catch (IllegalArgumentException e) {
        problems.add(source + ": " + e.getMessage());
      }
    }
    return new Read(byLine, problems);
  }

  /** The exemptions by instruction line, and the comments that could not be read. */
  public record Read(Map<Integer, List<Exemption>> byLine, List<String> problems) {
    public Read {
      byLine = Map.copyOf(byLine);
      problems = List.copyOf(problems);
    }
  }

  /** The index of the next line that is an instruction: not blank, not a comment. */
  private static int nextInstruction(String[] lines, int from) {
    for (int i = from; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("#") && line.substring(1).strip().startsWith(MARKER + " ")) {
        continue; // several exemption comments may stack above one instruction
      }
      // A comment "before the instruction" is the line right above it: only stacked exemption
      // comments skip ahead, so a blank line or another comment detaches it.
      return line.isEmpty() || line.startsWith("#") ? -1 : i;
    }
    return -1;
  }
}
