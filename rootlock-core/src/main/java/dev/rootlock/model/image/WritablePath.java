package dev.rootlock.model.image;

/**
 * A directory a container must be able to write once its root filesystem is read-only.
 *
 * @param path the absolute directory
 * @param medium what should back it
 * @param sizeLimit a Kubernetes quantity bounding it ({@code 16Mi}), or null to use the caller's
 *     default (the {@code /tmp} size); always null for {@link Medium#PERSISTENT}
 * @param purpose what the image writes there, in a few words ({@code pid file and temp paths})
 * @param tmpfsOptions Docker tmpfs options proven by discovery ({@code
 *     rw,noexec,nosuid,nodev,size=16m,uid=101}), or null to derive them from the size
 */
public record WritablePath(
    String path, Medium medium, String sizeLimit, String purpose, String tmpfsOptions) {

  /** A path without discovered tmpfs options. */
  public WritablePath(String path, Medium medium, String sizeLimit, String purpose) {
    this(path, medium, sizeLimit, purpose, null);
  }

  public WritablePath {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("writable path must be absolute: " + path);
    }
    if (medium == null) {
      throw new IllegalArgumentException("writable path " + path + " has no medium");
    }
    if (medium == Medium.PERSISTENT && sizeLimit != null) {
      throw new IllegalArgumentException("persistent path " + path + " cannot have a sizeLimit");
    }
    purpose = purpose == null ? "" : purpose;
  }
}
