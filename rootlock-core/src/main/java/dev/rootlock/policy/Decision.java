package dev.rootlock.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict of a level and version on one subject: the failing checks in PSA order (baseline IDs,
 * then restricted IDs, then rootlock's hardened IDs, each group sorted).
 */
public record Decision(LevelVersion levelVersion, List<CheckOutcome> failures) {

  /** PSA's placeholder for a failing check that gave no reason. */
  static final String UNKNOWN_REASON = "unknown forbidden reason";

  public Decision {
    failures = List.copyOf(failures);
  }

  public boolean allowed() {
    return failures.isEmpty();
  }

  /** PSA's detailed form: {@code reason (detail), reason, ...}. */
  public String detail() {
    return failures.stream()
        .map(
            failure -> {
              String reason = reasonOf(failure);
              String detail = failure.result().detail();
              return detail.isEmpty() ? reason : reason + " (" + detail + ")";
            })
        .collect(Collectors.joining(", "));
  }

  /** PSA's reason-only form: {@code reason, reason, ...} (namespace dry-runs group by it). */
  public String reasons() {
    return failures.stream().map(Decision::reasonOf).collect(Collectors.joining(", "));
  }

  /**
   * The message for an object that fails: {@code violates PodSecurity "restricted:latest": ...} for
   * PSA's levels, {@code violates rootlock policy "hardened:latest": ...} for rootlock's own.
   */
  public String violationMessage() {
    return "violates " + policyName() + ": " + detail();
  }

  /** The warning form: {@code would violate PodSecurity "restricted:latest": ...}. */
  public String warningMessage() {
    return "would violate " + policyName() + ": " + detail();
  }

  private String policyName() {
    String quoted = "\"" + levelVersion + "\"";
    return levelVersion.level() == Level.HARDENED ? "rootlock policy " + quoted : "PodSecurity " + quoted;
  }

  private static String reasonOf(CheckOutcome failure) {
    String reason = failure.result().reason();
    return reason.isEmpty() ? UNKNOWN_REASON : reason;
  }
}
