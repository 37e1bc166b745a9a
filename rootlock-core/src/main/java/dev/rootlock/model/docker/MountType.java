package dev.rootlock.model.docker;

/** The kinds of non-tmpfs mounts Docker knows; tmpfs mounts are {@link TmpfsMount}s instead. */
public enum MountType {
  BIND,
  VOLUME,
  NPIPE,
  CLUSTER,
  IMAGE
}
