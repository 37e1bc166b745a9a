package dev.rootlock.kube.readiness;

import java.util.List;
import java.util.Map;

/**
 * One namespace's readiness for {@code enforce} at a level.
 *
 * @param labels its current {@code pod-security.kubernetes.io/*} and {@code rootlock.dev/*} labels,
 *     by key
 * @param pods how many pods it has
 * @param rejected how many of them the level rejects (all pods are counted, not only the first
 *     {@value dev.rootlock.engine.NamespaceDryRun#MAX_PODS} the API server would check)
 * @param exempt how many pods the level would reject only for findings that rootlock's exemptions
 *     cover (the config's, the pods' {@code rootlock.dev/exempt*} annotations): they are not
 *     counted in {@code rejected}, though PSA's own warnings below still name them
 * @param warnings what the API server would answer when the enforce label is applied, word for
 *     word, without kubectl's {@code Warning: } prefix
 * @param rollout the {@code kubectl label} commands still needed for warn, then audit, then
 *     enforce; empty when the namespace already enforces the level
 */
public record NamespaceReadiness(
    String namespace,
    Map<String, String> labels,
    int pods,
    int rejected,
    int exempt,
    List<String> warnings,
    List<String> rollout) {

  /** A namespace without exempt pods. */
  public NamespaceReadiness(
      String namespace,
      Map<String, String> labels,
      int pods,
      int rejected,
      List<String> warnings,
      List<String> rollout) {
    this(namespace, labels, pods, rejected, 0, warnings, rollout);
  }

  public NamespaceReadiness {
    labels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
    warnings = List.copyOf(warnings);
    rollout = List.copyOf(rollout);
  }

  /** Whether switching enforce to the level would reject nothing that runs today. */
  public boolean ready() {
    return rejected == 0;
  }
}
