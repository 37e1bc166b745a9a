package dev.rootlock.engine;

import dev.rootlock.model.Finding;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The warnings the API server returns when a namespace's {@code enforce} level is raised, worded
 * exactly as Pod Security Admission words them (psa-spec §6), for {@code rootlock kube readiness}
 * and the webhook alike: pods without a controller and the first pod of each controller are checked
 * first, at most {@value #MAX_PODS} pods are checked, and violating pods are grouped by their
 * reason-only text under the lexically smallest pod name.
 */
public final class NamespaceDryRun {

  /** PSA's {@code namespaceMaxPodsToCheck}. */
  public static final int MAX_PODS = 3000;

  /**
   * One existing pod, in the order the namespace's pods were listed.
   *
   * @param controllerUid the uid of its owner reference marked {@code controller: true}, or null
   * @param pod whatever the caller judges it from (see {@link #warnings})
   */
  public record ExistingPod<T>(String name, String controllerUid, T pod) {}

  /**
   * How the pods are walked: the differences between callers that are deliberate.
   *
   * @param sortByName put the pods in name order first, as the API server lists a namespace's pods
   * @param outOfTime asked before each pod after the first; checking stops once it says true
   */
  public record Limits(boolean sortByName, BooleanSupplier outOfTime) {

    /**
     * {@code kube readiness}: name order, so the pods checked are the API server's, and no time
     * limit, so that the answer does not depend on load.
     */
    public static final Limits READINESS = new Limits(true, () -> false);

    /**
     * The webhook: list order, and PSA's time budget of {@code budgetNanos} on {@code nanoTime},
     * counted from now.
     */
    public static Limits timed(LongSupplier nanoTime, long budgetNanos) {
      long deadline = nanoTime.getAsLong() + budgetNanos;
      return new Limits(false, () -> nanoTime.getAsLong() > deadline);
    }
  }

  private NamespaceDryRun() {}

  /**
   * The warnings, in the API server's order.
   *
   * @param pods the namespace's pods in list order, exempt ones already removed
   * @param reasons a pod's reason-only verdict at {@code enforce} ({@link #reasons(ObjectResult)}),
   *     or null when it is allowed or cannot be judged; asked only of the pods that are checked
   */
  public static <T> List<String> warnings(
      String namespace,
      LevelVersion enforce,
      List<ExistingPod<T>> pods,
      Function<? super T, String> reasons,
      Limits limits) {
    List<ExistingPod<T>> ordered = pods;
    if (limits.sortByName()) {
      ordered = new ArrayList<>(pods);
      ordered.sort(Comparator.comparing(ExistingPod::name));
    }
    List<ExistingPod<T>> prioritised = prioritise(ordered);

    // reason-only text -> the names of the pods that fail for exactly those reasons
    Map<String, TreeSet<String>> groups = new TreeMap<>();
    int checked = 0;
    for (ExistingPod<T> pod : prioritised) {
      if (checked >= MAX_PODS || (checked > 0 && limits.outOfTime().getAsBoolean())) {
        break;
      }
      checked++;
      String verdict = reasons.apply(pod.pod());
      if (verdict != null) {
        groups.computeIfAbsent(verdict, key -> new TreeSet<>()).add(pod.name());
      }
    }

    String policy = policyName(enforce);
    List<String> warnings = new ArrayList<>();
    if (checked < prioritised.size()) {
      warnings.add(
          "new "
              + policy
              + " enforce level only checked against the first "
              + checked
              + " of "
              + prioritised.size()
              + " existing pods");
    }
    if (!groups.isEmpty()) {
      warnings.add(
          "existing pods in namespace \""
              + namespace
              + "\" violate the new "
              + policy
              + " enforce level \""
              + enforce
              + "\"");
    }
    List<String> perGroup = new ArrayList<>();
    groups.forEach((verdict, names) -> perGroup.add(prefix(names) + ": " + verdict));
    perGroup.sort(null);
    warnings.addAll(perGroup);
    return warnings;
  }

  /** The only warning when the namespace's pods cannot be listed. */
  public static String listFailed(LevelVersion enforce) {
    return "failed to list pods while checking new " + policyName(enforce) + " enforce level";
  }

  /**
   * PSA's reason-only form of a verdict, each failing check's reason in order joined by {@code ",
   * "} ({@code allowPrivilegeEscalation != false, runAsNonRoot != true}); null when allowed.
   */
  public static String reasons(ObjectResult result) {
    if (result.allowed()) {
      return null;
    }
    List<String> reasons = new ArrayList<>();
    for (Finding finding : result.findings()) {
      reasons.add(finding.reason().isEmpty() ? "unknown forbidden reason" : finding.reason());
    }
    return String.join(", ", reasons);
  }

  /**
   * Who the warnings speak for: {@code PodSecurity} under PSA's own levels, so that the text is
   * PSA's word for word, and {@code rootlock} under {@code hardened}, which PSA does not have.
   */
  static String policyName(LevelVersion enforce) {
    return enforce.level() == Level.HARDENED ? "rootlock" : "PodSecurity";
  }

  private static String prefix(SortedSet<String> names) {
    int others = names.size() - 1;
    return switch (others) {
      case 0 -> names.first();
      case 1 -> names.first() + " (and 1 other pod)";
      default -> names.first() + " (and " + others + " other pods)";
    };
  }

  /**
   * Pods without a controller and the first pod of each controller, in list order, then the other
   * pods of each controller: a sample that sees every workload before it sees replicas.
   */
  static <T> List<ExistingPod<T>> prioritise(List<ExistingPod<T>> pods) {
    List<ExistingPod<T>> first = new ArrayList<>(pods.size());
    List<ExistingPod<T>> later = new ArrayList<>();
    Set<String> seenControllers = new HashSet<>();
    for (ExistingPod<T> pod : pods) {
      if (pod.controllerUid() == null || seenControllers.add(pod.controllerUid())) {
        first.add(pod);
      } else {
        later.add(pod);
      }
    }
    first.addAll(later);
    return first;
  }
}
