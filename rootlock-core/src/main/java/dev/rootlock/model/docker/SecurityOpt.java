package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;

/**
 * One {@code security_opt} / {@code --security-opt} entry, split the way the Docker daemon splits
 * it: at the first {@code =}, or else at the first {@code :} (the deprecated separator). A bare
 * {@code no-new-privileges} has no value and means true; a bare {@code disable} is the daemon's
 * shorthand for {@code label=disable}. Keys are case-sensitive, as in Docker.
 *
 * @param written the entry exactly as written
 * @param key e.g. {@code seccomp}, {@code apparmor}, {@code label}, {@code no-new-privileges},
 *     {@code systempaths}; the whole entry when it has no separator
 * @param value the part after the separator, or null when there is none
 */
public record SecurityOpt(String written, String key, String value, FieldPath path) {

  public static final String NO_NEW_PRIVILEGES = "no-new-privileges";
  public static final String SECCOMP = "seccomp";
  public static final String APPARMOR = "apparmor";
  public static final String LABEL = "label";
  public static final String SYSTEMPATHS = "systempaths";

  /** Splits {@code written} as the daemon does. */
  public static SecurityOpt parse(String written, FieldPath path) {
    if (written.equals("disable")) {
      return new SecurityOpt(written, LABEL, "disable", path);
    }
    int at = written.indexOf('=');
    if (at < 0) {
      at = written.indexOf(':');
    }
    if (at < 0) {
      return new SecurityOpt(written, written, null, path);
    }
    return new SecurityOpt(written, written.substring(0, at), written.substring(at + 1), path);
  }

  /** {@code key=value}, the form Docker documents, or the bare key. */
  public String normalized() {
    return value == null ? key : key + "=" + value;
  }
}
