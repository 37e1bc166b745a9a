package dev.rootlock.model.pod;

/** One {@code volumeMounts[]} entry; {@code readOnly} null when unset. */
public record VolumeMount(String name, String mountPath, Boolean readOnly, String subPath) {

  /** Whether the container can write through this mount. */
  public boolean writable() {
    return !Boolean.TRUE.equals(readOnly);
  }
}
