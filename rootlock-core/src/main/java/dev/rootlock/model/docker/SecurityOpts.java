package dev.rootlock.model.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * A container's security options in the order written, with the settings the daemon derives from
 * them: for {@code no-new-privileges}, {@code seccomp} and {@code apparmor} the last entry wins;
 * {@code label} entries accumulate.
 */
public record SecurityOpts(List<SecurityOpt> entries) {

  public static final SecurityOpts NONE = new SecurityOpts(List.of());

  public SecurityOpts {
    entries = List.copyOf(entries);
  }

  /**
   * True, false, or null when no entry sets it or the last one's value is not a boolean Go's {@code
   * strconv.ParseBool} accepts ({@code 1 t T TRUE true True 0 f F FALSE false False}).
   */
  public Boolean noNewPrivileges() {
    SecurityOpt last = last(SecurityOpt.NO_NEW_PRIVILEGES);
    if (last == null) {
      return null;
    }
    if (last.value() == null) {
      return true;
    }
    return GoBooleans.parse(last.value());
  }

  /** The last {@code no-new-privileges} entry, or null. */
  public SecurityOpt noNewPrivilegesEntry() {
    return last(SecurityOpt.NO_NEW_PRIVILEGES);
  }

  /** The seccomp profile ({@code unconfined}, {@code builtin}, a file), or null for the default. */
  public String seccompProfile() {
    SecurityOpt last = last(SecurityOpt.SECCOMP);
    return last == null ? null : last.value();
  }

  /** The AppArmor profile ({@code unconfined}, a profile name), or null for the default. */
  public String appArmorProfile() {
    SecurityOpt last = last(SecurityOpt.APPARMOR);
    return last == null ? null : last.value();
  }

  /** Every {@code label} option's value ({@code disable}, {@code type:spc_t}, ...), in order. */
  public List<String> labelOptions() {
    List<String> labels = new ArrayList<>();
    for (SecurityOpt entry : entries) {
      if (entry.key().equals(SecurityOpt.LABEL) && entry.value() != null) {
        labels.add(entry.value());
      }
    }
    return List.copyOf(labels);
  }

  /** Entries whose key is {@code key}, in order. */
  public List<SecurityOpt> withKey(String key) {
    return entries.stream().filter(entry -> entry.key().equals(key)).toList();
  }

  private SecurityOpt last(String key) {
    SecurityOpt found = null;
    for (SecurityOpt entry : entries) {
      if (entry.key().equals(key)) {
        found = entry;
      }
    }
    return found;
  }
}
