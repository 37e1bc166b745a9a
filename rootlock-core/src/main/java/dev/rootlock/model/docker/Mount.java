package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;

/**
 * A bind mount, named or anonymous volume, or other non-tmpfs mount, from Compose {@code volumes:},
 * {@code -v}/{@code --volume} or {@code --mount}.
 *
 * @param source the host path (bind), the volume name, or null for an anonymous volume
 * @param target the path inside the container
 * @param readOnly whether mounted read-only ({@code :ro}, {@code read_only: true}, {@code readonly})
 * @param path where the mount is written, e.g. {@code volumes[2]}
 */
public record Mount(MountType type, String source, String target, boolean readOnly, FieldPath path) {

  /** Whether the container can write through this mount. */
  public boolean writable() {
    return !readOnly;
  }
}
