package dev.rootlock.fix.plan;

import java.util.Map;

/**
 * Which checks are exempt for one object, and why: for the whole object, or for single containers.
 * The fixer leaves every field of an exempt check alone, as scan leaves its finding uncounted.
 *
 * @param whole check ID → reason, for the whole object (every container and the pod)
 * @param byContainer check ID → (container name → reason)
 */
public record ExemptChecks(
    Map<String, String> whole, Map<String, Map<String, String>> byContainer) {

  /** No check is exempt. */
  public static final ExemptChecks NONE = new ExemptChecks(Map.of(), Map.of());

  public ExemptChecks {
    whole = Map.copyOf(whole);
    byContainer = Map.copyOf(byContainer);
  }

  /** Why {@code check} is exempt for {@code container}, or null when it is not. */
  public String reason(String check, String container) {
    String reason = whole.get(check);
    if (reason != null) {
      return reason;
    }
    Map<String, String> containers = byContainer.get(check);
    return containers == null ? null : containers.get(container);
  }

  /**
   * Why {@code check} is exempt for the whole object or for any of its containers, or null: a
   * pod-level field (runAsNonRoot, seccomp) covers every container, so one exempt container keeps
   * it unchanged.
   */
  public String anyReason(String check) {
    String reason = whole.get(check);
    if (reason != null) {
      return reason;
    }
    Map<String, String> containers = byContainer.get(check);
    return containers == null || containers.isEmpty()
        ? null
        : containers.values().iterator().next();
  }
}
