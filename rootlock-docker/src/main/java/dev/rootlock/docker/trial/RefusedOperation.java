package dev.rootlock.docker.trial;

import java.util.Optional;

/**
 * An operation the kernel refused that no writable path can fix: EPERM on chown, setuid, setgid or
 * a bind below port 1024 (a capability is missing, or the process should not be root), or EACCES
 * inside a mount owned by another user (the mount's ownership or mode, or the user, must change).
 * {@code detail} is what the log names (a path, an id, an address); {@code line} is the log line.
 */
public record RefusedOperation(Kind kind, String detail, String line) {

  public enum Kind {
    CHOWN("CHOWN"),
    SETUID("SETUID"),
    SETGID("SETGID"),
    BIND_LOW_PORT("NET_BIND_SERVICE"),
    /** EACCES inside one of the trial's own mounts: fix the owner or mode, not a capability. */
    MOUNT_ACCESS("");

    private final String capability;

    Kind(String capability) {
      this.capability = capability;
    }

    /** The capability that allows it to a root process, empty for {@link #MOUNT_ACCESS}. */
    public Optional<String> capability() {
      return capability.isEmpty() ? Optional.empty() : Optional.of(capability);
    }
  }
}
