package dev.rootlock.policy.docker;

import java.util.Set;

/** Capability facts shared by the two capability checks. */
final class DockerCapabilities {

  /**
   * The capabilities Docker grants every container by default (moby's {@code
   * oci/caps.DefaultCapabilities}); adding one of these changes nothing. Unlike Pod Security's
   * baseline list, it includes {@code NET_RAW}.
   */
  static final Set<String> DEFAULTS =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "NET_RAW",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");

  /** The one capability the restricted level lets a container add back after dropping all. */
  static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private DockerCapabilities() {}
}
