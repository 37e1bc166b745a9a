package dev.rootlock.policy;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict of a level and version on one subject: the failing checks in PSA order (baseline IDs,
 * then restricted IDs, then rootlock's hardened IDs, each group sorted).
 */
public record Decision(LevelVersion levelVersion, List<CheckOutcome> failures, PolicyName name) {

  /**
   * How a policy is named in messages. Pod Security Admission's own levels are {@code PodSecurity};
   * rootlock's hardened level, and every level applied to Docker containers (which PSA does not
   * cover), are {@code rootlock policy}.
   */
  public enum PolicyName {
    POD_SECURITY,
    ROOTLOCK
  }

  /** A decision on a Kubernetes pod, named as PSA names it. */
  public Decision(LevelVersion levelVersion, List<CheckOutcome> failures) {
    this(levelVersion, failures, PolicyName.POD_SECURITY);
  }

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
    boolean podSecurity = name == PolicyName.POD_SECURITY && levelVersion.level() != Level.HARDENED;
    return podSecurity ? "PodSecurity " + quoted : "rootlock policy " + quoted;
  }

  private static String reasonOf(CheckOutcome failure) {
    String reason = failure.result().reason();
    return reason.isEmpty() ? UNKNOWN_REASON : reason;
  }
}
