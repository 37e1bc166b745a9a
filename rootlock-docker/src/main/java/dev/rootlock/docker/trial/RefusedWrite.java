package dev.rootlock.docker.trial;

/**
 * A write the application tried and the kernel refused, read from its logs. {@code path} is
 * absolute, or empty when the message names none (then {@link Kind#NO_PATH}); {@code line} is the
 * log line it came from.
 */
public record RefusedWrite(String path, Kind kind, boolean directory, String line) {

  /** Why the write failed, which decides what helps. */
  public enum Kind {
    /** EROFS: the path must be on a writable mount. */
    READ_ONLY,
    /** EACCES: writable, but not for this user (e.g. a tmpfs that kept an image dir's 0755). */
    PERMISSION_DENIED,
    /** ENOENT for a missing parent: under a read-only root the parent could not be created. */
    MISSING_PARENT,
    /** A temp file refused without a path: $TMPDIR (default /tmp) must be writable. */
    NO_PATH,
    /** Loading or running something from a noexec mount failed: that mount needs exec. */
    NOEXEC
  }
}
