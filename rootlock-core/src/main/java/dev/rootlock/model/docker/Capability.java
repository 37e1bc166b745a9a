package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;
import java.util.Locale;

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

  /** Whether this entry means every capability ({@code ALL}, any case). */
  public boolean isAll() {
    return canonical().equals("ALL");
  }
}
