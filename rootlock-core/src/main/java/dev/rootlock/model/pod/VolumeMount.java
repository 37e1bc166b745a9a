package dev.rootlock.model.pod;

import java.util.Objects;

/**
 * One {@code volumeMounts[]} entry; {@code readOnly} null when unset.
 *
 * @param name never null: {@code ""} when not written
 * @param mountPath never null: {@code ""} when not written
 */
public record VolumeMount(String name, String mountPath, Boolean readOnly, String subPath) {

  public VolumeMount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mountPath, "mountPath");
  }

  /** Whether the container can write through this mount. */
  public boolean writable() {
    return !Boolean.TRUE.equals(readOnly);
  }
}
