package dev.rootlock.docker.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of /proc/PID/mountinfo. {@code options} are the per-mount options (field 6), which
 * decide whether writes are refused; {@code superOptions} are the file system's (after " - "),
 * where an overlay root says {@code rw} even when the mount is {@code ro}.
 */
public record MountEntry(
    String mountPoint,
    List<String> options,
    String fsType,
    String source,
    List<String> superOptions) {

  public MountEntry {
    options = List.copyOf(options);
    superOptions = List.copyOf(superOptions);
  }

  public boolean writable() {
    return options.contains("rw");
  }

  /** Per-mount options, then the file system's size/mode/uid/gid when it states them. */
  public String optionText() {
    List<String> all = new ArrayList<>(options);
    superOptions.stream().filter(o -> o.matches("(size|mode|uid|gid)=.*")).forEach(all::add);
    return String.join(",", all);
  }

  /** Parses mountinfo text; lines that do not have the documented shape are skipped. */
  public static List<MountEntry> parse(List<String> lines) {
    List<MountEntry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] halves = line.split(" - ", 2);
      if (halves.length != 2) {
        continue;
      }
      // Limit 0: a trailing space adds no empty field, so the length checks below see fields.
      String[] left = halves[0].split(" ", 0);
      String[] right = halves[1].split(" ", 0);
      if (left.length < 6 || right.length < 3) {
        continue;
      }
      entries.add(
          new MountEntry(
              unescape(left[4]),
              List.of(left[5].split(",")),
              right[0],
              unescape(right[1]),
              List.of(right[2].split(","))));
    }
    return entries;
  }

  /** mountinfo escapes space, tab, newline and backslash as three octal digits (\040). */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\'
          && i + 4 <= field.length()
          && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
