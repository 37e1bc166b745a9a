package dev.rootlock.kube.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.NamespaceDryRun;
import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import dev.rootlock.kube.audit.ClusterWalk;
import dev.rootlock.kube.audit.KubeAudit;
import dev.rootlock.kube.client.ApiRequestException;
import dev.rootlock.kube.client.KubeConnection;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.client.PageProgress;
import dev.rootlock.kube.client.PagedLister;
import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.ApiObject;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Workload;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code rootlock kube readiness}: for each namespace, its current Pod Security and rootlock
 * labels, what switching {@code enforce} to the level would reject today in the API server's own
 * words, and the label commands for a warn, audit, enforce rollout.
 */
public final class KubeReadiness {

  private static final Engine ENGINE = Engine.standard();

  private KubeReadiness() {}

  /** Checks the namespaces {@code options} select against {@code options.levelVersion()}. */
  public static ReadinessReport run(KubeOptions options) throws KubeException {
    return run(options, PageProgress.SILENT);
  }

  /** As {@link #run(KubeOptions)}, telling {@code progress} of each page listed. */
  public static ReadinessReport run(KubeOptions options, PageProgress progress)
      throws KubeException {
    try (KubernetesClient client = KubeConnection.ofProcess().open(options)) {
      return run(client, options, KubeOptions.DEFAULT_PAGE_SIZE, progress);
    }
  }

  static ReadinessReport run(KubernetesClient client, KubeOptions options, long pageSize)
      throws KubeException {
    return run(client, options, pageSize, PageProgress.SILENT);
  }

  static ReadinessReport run(
      KubernetesClient client, KubeOptions options, long pageSize, PageProgress progress)
      throws KubeException {
    PagedLister lister = new PagedLister(client, pageSize, progress);
    ClusterWalk walk = new ClusterWalk(lister);
    List<Unreadable> unreadable = new ArrayList<>();
    Map<String, Map<String, String>> namespaces = new TreeMap<>();
    String only = KubeAudit.scopeNamespace(client, options);
    try {
      if (only == null) {
        lister.list(
            ApiKind.NAMESPACE,
            null,
            page -> page.forEach(ns -> namespaces.put(ns.name(), labels(ns.json()))));
      } else {
        namespaces.put(only, labels(walk.namespace(only)));
      }
    } catch (ApiRequestException e) {
      if (e.code() == 404) {
        // kubectl's wording for a namespace that does not exist.
        throw new KubeException("namespaces \"" + only + "\" not found", e);
      }
      if (!e.forbidden()) {
        throw new KubeException(e.getMessage(), e);
      }
      if (only == null) {
        throw new KubeException(e.getMessage() + "; pass -n NAMESPACE to check one namespace", e);
      }
      // Reading the namespace object is forbidden but its pods may not be: carry on without labels.
      unreadable.add(new Unreadable(only, "namespaces", e.getMessage()));
      namespaces.put(only, Map.of());
    }
    List<NamespaceReadiness> results = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> ns : namespaces.entrySet()) {
      List<ExistingPod<String>> pods = new ArrayList<>();
      Set<String> exempt = new TreeSet<>();
      int before = walk.unreadable().size();
      walk.list(
          ApiKind.POD,
          ns.getKey(),
          page -> page.forEach(pod -> pods.add(verdict(pod, options, exempt))));
      if (walk.unreadable().size() > before) {
        continue;
      }
      results.add(readiness(ns.getKey(), ns.getValue(), pods, exempt, options));
    }
    unreadable.addAll(walk.unreadable());
    return new ReadinessReport(options.levelVersion().toString(), results, unreadable);
  }

  /**
   * One namespace's readiness.
   *
   * @param pods each pod with its reason-only verdict at the level ({@code null} when allowed)
   */
  static NamespaceReadiness readiness(
      String namespace,
      Map<String, String> labels,
      List<ExistingPod<String>> pods,
      KubeOptions options) {
    return readiness(namespace, labels, pods, Set.of(), options);
  }

  /**
   * As {@link #readiness(String, Map, List, KubeOptions)}; the pods named in {@code exempt} are
   * rejected only for exempt findings, so they are counted apart and do not make the namespace
   * unready. The warnings stay the API server's, exempt pods included: PSA has no exemptions.
   */
  static NamespaceReadiness readiness(
      String namespace,
      Map<String, String> labels,
      List<ExistingPod<String>> pods,
      Set<String> exempt,
      KubeOptions options) {
    LevelVersion target = options.levelVersion();
    List<String> warnings =
        NamespaceDryRun.warnings(
            namespace, target, pods, Function.identity(), NamespaceDryRun.Limits.READINESS);
    int failing = (int) pods.stream().filter(p -> p.pod() != null).count();
    return new NamespaceReadiness(
        namespace,
        labels,
        pods.size(),
        failing - exempt.size(),
        exempt.size(),
        warnings,
        Rollout.commands(namespace, target, labels, options));
  }

  /**
   * The pod's reason-only verdict at the level, PSA's own; a rejected pod whose findings are all
   * exempt is also added to {@code exempt}.
   */
  private static ExistingPod<String> verdict(
      ApiObject pod, KubeOptions options, Set<String> exempt) {
    LevelVersion target = options.levelVersion();
    String controller = pod.controller() == null ? null : pod.controller().uid();
    if (target.level() == Level.PRIVILEGED) {
      return new ExistingPod<>(pod.name(), controller, null);
    }
    Workload workload = pod.decode(KubeAudit.sourceOf(pod));
    ObjectResult result = ENGINE.evaluate(workload, target);
    if (!result.allowed()
        && ENGINE.evaluate(workload, target, options.exemptions()).failingFindings().isEmpty()) {
      exempt.add(pod.name());
    }
    return new ExistingPod<>(pod.name(), controller, NamespaceDryRun.reasons(result));
  }

  /** The namespace's {@code pod-security.kubernetes.io/*} and {@code rootlock.dev/*} labels. */
  static Map<String, String> labels(JsonNode namespace) {
    Map<String, String> labels = new TreeMap<>();
    namespace
        .path("metadata")
        .path("labels")
        .properties()
        .forEach(
            label -> {
              String key = label.getKey();
              if (key.startsWith(Rollout.PSA_PREFIX) || key.startsWith(Rollout.ROOTLOCK_PREFIX)) {
                labels.put(key, label.getValue().asText());
              }
            });
    return labels;
  }
}
