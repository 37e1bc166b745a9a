package dev.rootlock.model.image;

import java.util.Locale;

/**
 * What backs a writable path once the root filesystem is read-only. Memory suits tiny files that
 * die with the container (pid, socket, lock, generated config); disk suits scratch that can grow
 * (request spill, caches, logs); persistent data must outlive the pod, so rootlock only says so and
 * never invents a volume for it.
 */
public enum Medium {
  /** A tmpfs: Kubernetes {@code emptyDir} with {@code medium: Memory}, a Compose {@code tmpfs}. */
  MEMORY,
  /** Node disk: Kubernetes {@code emptyDir} without a medium. */
  DISK,
  /** Data that must survive restarts: a PersistentVolumeClaim or a named volume. */
  PERSISTENT;

  /** Parses {@code memory}, {@code disk} or {@code persistent} (case-insensitive). */
  public static Medium parse(String text) {
    for (Medium medium : values()) {
      if (medium.toString().equalsIgnoreCase(text)) {
        return medium;
      }
    }
    throw new IllegalArgumentException(
        "invalid medium \"" + text + "\": must be one of memory, disk, persistent");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
