package dev.rootlock.policy.exempt;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One exemption: the checks it covers, where, why and until when.
 *
 * @param checks check IDs, or {@code *} for every check
 * @param reason why; never blank
 * @param expires the last day the exemption holds (inclusive), or null for no end
 * @param source where it was written, for reports: {@code .rootlock.yaml:4:5}, {@code annotation
 *     rootlock.dev/exempt}, ...
 */
public record Exemption(
    Set<String> checks, Scope scope, String reason, LocalDate expires, String source) {

  /** The check ID that stands for every check. */
  public static final String ALL_CHECKS = "*";

  public Exemption {
    checks = Set.copyOf(checks);
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("an exemption must name at least one check");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an exemption must give a reason");
    }
  }

  /** Whether this exemption names {@code check} (or every check). */
  public boolean covers(String check) {
    return checks.contains(ALL_CHECKS) || checks.contains(check);
  }

  /** Whether {@code today} is after the last day the exemption holds. */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(expires);
  }
}
