package dev.rootlock.docker.discover;

/** Where a writable path should live (discovery.md §3.1). */
public enum Medium {
  /** tmpfs / emptyDir{medium: Memory}: pid, socket, lock, small temp files. */
  MEMORY,
  /** emptyDir{} on disk with a size limit: caches, spill files, logs, anything that can grow. */
  DISK,
  /** A persistent volume: data that must outlive the container (image VOLUMEs, databases). */
  PERSISTENT;

  /** The lower-case name used in rootlock's JSON and text output. */
  public String label() {
    return switch (this) {
      case MEMORY -> "memory";
      case DISK -> "disk";
      case PERSISTENT -> "persistent";
    };
  }
}
