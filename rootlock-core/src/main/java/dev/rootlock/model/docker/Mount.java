package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bind mount, named or anonymous volume, or other non-tmpfs mount, from Compose {@code volumes:},
 * {@code -v}/{@code --volume} or {@code --mount}.
 *
 * @param source the host path (bind), the volume name, or null for an anonymous volume
 * @param target the path inside the container
 * @param readOnly whether mounted read-only ({@code :ro}, {@code read_only: true}, {@code
 *     readonly})
 * @param path where the mount is written, e.g. {@code volumes[2]}
 */
public record Mount(
    MountType type, String source, String target, boolean readOnly, FieldPath path) {

  /** A whole source written {@code ${VAR}}, {@code ${VAR:-default}} or {@code ${VAR-default}}. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}:-]+(?::?-([^}]*))?}");

  /** A source starting with {@code ${...}} or {@code $NAME}. */
  private static final Pattern VARIABLE_PREFIX =
      Pattern.compile("\\$(\\{[^}]*}|[A-Za-z_][A-Za-z0-9_]*)");

  /** Whether the container can write through this mount. */
  public boolean writable() {
    return !readOnly;
  }

  /**
   * Reads the short syntax {@code [SOURCE:]TARGET[:OPTIONS]} shared by Compose {@code volumes:} and
   * {@code -v}, with Compose's rules (which the Docker CLI also uses): colons split the parts,
   * except the one after a Windows drive letter; a source starting with {@code .}, {@code /},
   * {@code ~}, {@code \\} or a drive letter is a bind, anything else a named volume; a lone target
   * is an anonymous volume; of the comma-separated options the last of {@code ro}/{@code rw} wins
   * and the rest ({@code z}, {@code Z}, {@code nocopy}, propagation) do not matter here. A {@code
   * ${...}} left uninterpolated is one unit: its colons do not split.
   *
   * @throws IllegalArgumentException with Compose's message when the spec is empty, has an empty
   *     part or too many colons
   */
  public static Mount parseShortSyntax(String spec, FieldPath path) {
    if (spec.isEmpty()) {
      throw new IllegalArgumentException("invalid empty volume spec");
    }
    if (spec.length() <= 2) {
      return new Mount(MountType.VOLUME, null, spec, false, path);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder buffer = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '{' && i > 0 && spec.charAt(i - 1) == '$') {
        braces++;
      } else if (c == '}' && braces > 0) {
        braces--;
      }
      boolean driveColon = c == ':' && buffer.length() == 1 && Character.isLetter(buffer.charAt(0));
      if (c == ':' && !driveColon && braces == 0) {
        parts.add(section(spec, buffer, parts.size() >= 2));
        buffer.setLength(0);
      } else {
        buffer.append(c);
      }
    }
    parts.add(section(spec, buffer, false));
    if (parts.size() == 1) {
      return new Mount(MountType.VOLUME, null, parts.get(0), false, path);
    }
    boolean readOnly = false;
    if (parts.size() == 3) {
      for (String option : parts.get(2).split(",", -1)) {
        if (option.equals("ro")) {
          readOnly = true;
        } else if (option.equals("rw")) {
          readOnly = false;
        }
      }
    }
    String source = parts.get(0);
    MountType type = isFilePath(source) ? MountType.BIND : MountType.VOLUME;
    return new Mount(type, source, parts.get(1), readOnly, path);
  }

  private static String section(String spec, StringBuilder buffer, boolean tooMany) {
    if (buffer.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid spec: " + spec + ": empty section between colons");
    }
    if (tooMany) {
      throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
    }
    return buffer.toString();
  }

  private static boolean isFilePath(String source) {
    Matcher variable = VARIABLE.matcher(source);
    if (variable.matches()) {
      // Left uninterpolated: judge by the default, and take a bare ${VAR} for a host path, the
      // usual reason to make a mount source configurable.
      String fallback = variable.group(1);
      return fallback == null || fallback.isEmpty() || isFilePath(fallback);
    }
    Matcher prefix = VARIABLE_PREFIX.matcher(source);
    if (prefix.lookingAt()) {
      // ${CONFIG}/web or $HOME/data: a variable followed by a path is a host path.
      return source.startsWith("/", prefix.end());
    }
    char first = source.charAt(0);
    if (first == '.' || first == '/' || first == '~' || source.startsWith("\\\\")) {
      return true;
    }
    return source.length() > 1 && Character.isLetter(first) && source.charAt(1) == ':';
  }
}
