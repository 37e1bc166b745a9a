package dev.rootlock.source.dockerrun;

import java.util.List;

/**
 * One flag of a {@code docker run} line, as written and as understood.
 *
 * @param name the long name without dashes for a known flag ({@code user} for {@code -u}), or the
 *     name as written for an unknown one
 * @param written the flag as the user wrote it, without any value: {@code -u}, {@code --user}
 * @param value the value, or null for a switch written without one
 * @param argIndex the index of the argument holding the flag
 * @param valueIndex the index of the separate argument holding the value, or -1 when the value was
 *     attached ({@code --user=root}, {@code -uroot}) or there is none
 * @param known whether the Docker CLI defines this flag
 * @param grouped whether the flag shares its argument with other short flags ({@code -itu root})
 */
public record RunOption(
    String name,
    String written,
    String value,
    int argIndex,
    int valueIndex,
    boolean known,
    boolean grouped) {

  /** Whether this is the known flag {@code --name}. */
  public boolean is(String longName) {
    return known && name.equals(longName);
  }

  /**
   * The arguments that write this flag on its own: {@code [--user, root]}, {@code [--user=root]},
   * {@code [-i]}, {@code [--read-only=false]}.
   */
  public List<String> standalone() {
    if (value == null) {
      return List.of(written);
    }
    if (valueIndex >= 0 || (written.length() == 2 && !written.startsWith("--"))) {
      return List.of(written, value);
    }
    return List.of(written + "=" + value);
  }
}
