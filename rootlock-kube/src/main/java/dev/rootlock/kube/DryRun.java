package dev.rootlock.kube;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The warnings the API server returns when a namespace's {@code enforce} label is changed, worded
 * exactly as Pod Security Admission words them (psa-spec §6): pods without a controller and the
 * first pod of each controller are checked first, at most {@value #MAX_PODS} pods are checked, and
 * violating pods are grouped by their reason-only text under the lexically smallest pod name.
 *
 * <p>PSA also stops after one second; rootlock does not, so its answer does not depend on load.
 */
final class DryRun {

  /** PSA's {@code namespaceMaxPodsToCheck}. */
  static final int MAX_PODS = 3000;

  /**
   * One existing pod: its name, its controller's UID (null for none) and its reason-only verdict
   * (null when it is allowed).
   */
  record PodVerdict(String name, String controllerUid, String reasons) {}

  private record Group(String firstPod, int pods) {}

  private DryRun() {}

  /**
   * The warnings, in the API server's order.
   *
   * @param engine {@code PodSecurity} for PSA's levels, {@code rootlock} for {@code hardened}
   * @param levelVersion as printed, e.g. {@code restricted:latest}
   * @param pods the namespace's pods in list order, exempt ones already removed
   */
  static List<String> warnings(
      String namespace, String engine, String levelVersion, List<PodVerdict> pods) {
    List<PodVerdict> checked = prioritise(pods);
    int total = checked.size();
    if (checked.size() > MAX_PODS) {
      checked = checked.subList(0, MAX_PODS);
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (PodVerdict pod : checked) {
      if (pod.reasons() == null) {
        continue;
      }
      groups.merge(
          pod.reasons(),
          new Group(pod.name(), 1),
          (a, b) ->
              new Group(
                  a.firstPod().compareTo(b.firstPod()) <= 0 ? a.firstPod() : b.firstPod(),
                  a.pods() + 1));
    }
    List<String> warnings = new ArrayList<>();
    if (checked.size() < total) {
      warnings.add(
          "new "
              + engine
              + " enforce level only checked against the first "
              + checked.size()
              + " of "
              + total
              + " existing pods");
    }
    if (!groups.isEmpty()) {
      warnings.add(
          "existing pods in namespace \""
              + namespace
              + "\" violate the new "
              + engine
              + " enforce level \""
              + levelVersion
              + "\"");
    }
    List<String> podWarnings = new ArrayList<>();
    groups.forEach((reasons, group) -> podWarnings.add(prefix(group) + ": " + reasons));
    podWarnings.sort(null);
    warnings.addAll(podWarnings);
    return warnings;
  }

  private static String prefix(Group group) {
    return switch (group.pods()) {
      case 1 -> group.firstPod();
      case 2 -> group.firstPod() + " (and 1 other pod)";
      default -> group.firstPod() + " (and " + (group.pods() - 1) + " other pods)";
    };
  }

  /** Pods with no controller and each controller's first pod keep their order; the rest follow. */
  static List<PodVerdict> prioritise(List<PodVerdict> pods) {
    List<PodVerdict> first = new ArrayList<>(pods.size());
    List<PodVerdict> duplicates = new ArrayList<>();
    Set<String> seenControllers = new HashSet<>();
    for (PodVerdict pod : pods) {
      if (pod.controllerUid() == null || seenControllers.add(pod.controllerUid())) {
        first.add(pod);
      } else {
        duplicates.add(pod);
      }
    }
    first.addAll(duplicates);
    return first;
  }
}
