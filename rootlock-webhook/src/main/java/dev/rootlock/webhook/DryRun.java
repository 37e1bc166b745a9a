package dev.rootlock.webhook;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.Finding;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.LevelVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The warnings for a namespace whose enforce level is being raised: which existing pods the new
 * level would reject, grouped by their reasons, in PSA's words (§6 of the PSA notes). The pods are
 * not touched; the label change is always allowed.
 */
final class DryRun {

  /** PSA checks at most this many pods. */
  static final int MAX_PODS = 3000;

  private final Engine engine;
  private final AdmissionObjects objects;
  private final Set<String> exemptRuntimeClasses;
  private final LongSupplier nanoTime;

  DryRun(
      Engine engine, AdmissionObjects objects, Set<String> exemptRuntimeClasses, LongSupplier nanoTime) {
    this.engine = engine;
    this.objects = objects;
    this.exemptRuntimeClasses = exemptRuntimeClasses;
    this.nanoTime = nanoTime;
  }

  /**
   * The warnings for {@code namespace}'s pods under {@code enforce}.
   *
   * @param budgetNanos how long to keep checking pods once they are listed
   */
  List<String> warnings(
      String namespace, LevelVersion enforce, ExistingPods lister, long budgetNanos) {
    String policyName = PolicyNames.of(enforce);
    List<ExistingPods.ExistingPod> listed;
    try {
      listed = lister.list(namespace);
    } catch (Exception e) {
      return List.of("failed to list pods while checking new " + policyName + " enforce level");
    }
    long deadline = nanoTime.getAsLong() + budgetNanos;
    List<ExistingPods.ExistingPod> pods = prioritised(eligible(listed));

    // reasons -> names of the pods that fail for exactly those reasons
    Map<String, TreeSet<String>> groups = new TreeMap<>();
    int checked = 0;
    for (ExistingPods.ExistingPod pod : pods) {
      if (checked >= MAX_PODS || (checked > 0 && nanoTime.getAsLong() > deadline)) {
        break;
      }
      checked++;
      Workload workload;
      try {
        workload = objects.workload(pod.object());
      } catch (UndecodableObjectException e) {
        continue;
      }
      ObjectResult result = engine.evaluate(workload, enforce);
      if (!result.allowed()) {
        groups.computeIfAbsent(reasons(result), key -> new TreeSet<>()).add(pod.name());
      }
    }

    List<String> warnings = new ArrayList<>();
    if (checked < pods.size()) {
      warnings.add(
          "new " + policyName + " enforce level only checked against the first " + checked
              + " of " + pods.size() + " existing pods");
    }
    if (!groups.isEmpty()) {
      warnings.add(
          "existing pods in namespace \"" + namespace + "\" violate the new " + policyName
              + " enforce level \"" + enforce + "\"");
      List<String> perGroup = new ArrayList<>();
      groups.forEach((reasons, names) -> perGroup.add(groupWarning(names, reasons)));
      perGroup.sort(null);
      warnings.addAll(perGroup);
    }
    return warnings;
  }

  private List<ExistingPods.ExistingPod> eligible(List<ExistingPods.ExistingPod> pods) {
    List<ExistingPods.ExistingPod> eligible = new ArrayList<>(pods.size());
    for (ExistingPods.ExistingPod pod : pods) {
      String runtimeClass = pod.object().path("spec").path("runtimeClassName").asText("");
      if (runtimeClass.isEmpty() || !exemptRuntimeClasses.contains(runtimeClass)) {
        eligible.add(pod);
      }
    }
    return eligible;
  }

  /**
   * Pods without a controller and the first pod of each controller, in list order, then the other
   * pods of each controller: a sample that sees every workload before it sees replicas.
   */
  static List<ExistingPods.ExistingPod> prioritised(List<ExistingPods.ExistingPod> pods) {
    List<ExistingPods.ExistingPod> first = new ArrayList<>(pods.size());
    List<ExistingPods.ExistingPod> later = new ArrayList<>();
    Set<String> seenControllers = new HashSet<>();
    for (ExistingPods.ExistingPod pod : pods) {
      if (pod.controllerUid() == null || seenControllers.add(pod.controllerUid())) {
        first.add(pod);
      } else {
        later.add(pod);
      }
    }
    first.addAll(later);
    return first;
  }

  /** PSA's reason-only form: {@code allowPrivilegeEscalation != false, runAsNonRoot != true}. */
  private static String reasons(ObjectResult result) {
    return result.findings().stream()
        .map(Finding::reason)
        .map(reason -> reason.isEmpty() ? "unknown forbidden reason" : reason)
        .collect(Collectors.joining(", "));
  }

  private static String groupWarning(TreeSet<String> names, String reasons) {
    int others = names.size() - 1;
    String who =
        switch (others) {
          case 0 -> names.first();
          case 1 -> names.first() + " (and 1 other pod)";
          default -> names.first() + " (and " + others + " other pods)";
        };
    return who + ": " + reasons;
  }
}
