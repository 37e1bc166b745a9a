package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code cap_add}/{@code cap_drop} entry as written. Docker accepts any case, with or without
 * the {@code CAP_} prefix, so checks compare {@link #canonical()} names.
 *
 * @param path where the entry is, e.g. {@code cap_add[0]}
 */
public record Capability(String name, FieldPath path) {

  /**
   * The name upper-cased and without {@code CAP_}: {@code cap_sys_admin} gives {@code SYS_ADMIN}.
   */
  public String canonical() {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring("CAP_".length()) : upper;
  }

  /**
   * Whether this entry means every capability: {@code ALL} in any case. The engine refuses {@code
   * CAP_ALL} ({@code invalid CapDrop: unknown capability: "CAP_ALL"}), so that is not it.
   */
  public boolean isAll() {
    return name.toUpperCase(Locale.ROOT).equals("ALL");
  }

  /**
   * Whether the engine accepts this entry, as moby's {@code NormalizeLegacyCapabilities} does:
   * {@code ALL}, or a Linux capability name in any case, with or without {@code CAP_}. Engines
   * before 23.0 (20.10 here) also refuse the three newest, {@code BPF}, {@code PERFMON} and {@code
   * CHECKPOINT_RESTORE}; they are accepted here, as current engines do.
   */
  public boolean isKnown() {
    return isAll() || LINUX.contains(withPrefix().substring("CAP_".length()));
  }

  /** What the engine reports an unknown entry as: {@code "CAP_ALL"}, {@code "CAP_FOO"}. */
  public String withPrefix() {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper : "CAP_" + upper;
  }

  /** Linux's capabilities, as {@code capabilities(7)} numbers them (0 to 40). */
  private static final Set<String> LINUX =
      Set.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "LINUX_IMMUTABLE",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_ADMIN",
          "NET_RAW",
          "IPC_LOCK",
          "IPC_OWNER",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_CHROOT",
          "SYS_PTRACE",
          "SYS_PACCT",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_NICE",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "MKNOD",
          "LEASE",
          "AUDIT_WRITE",
          "AUDIT_CONTROL",
          "SETFCAP",
          "MAC_OVERRIDE",
          "MAC_ADMIN",
          "SYSLOG",
          "WAKE_ALARM",
          "BLOCK_SUSPEND",
          "AUDIT_READ",
          "PERFMON",
          "BPF",
          "CHECKPOINT_RESTORE");
}
