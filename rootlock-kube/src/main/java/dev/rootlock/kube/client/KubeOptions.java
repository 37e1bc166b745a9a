package dev.rootlock.kube.client;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.WorkloadKinds;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code rootlock kube audit} and {@code rootlock kube readiness} were asked to do, as plain
 * values the command line fills in.
 *
 * @param namespace the one namespace to look at ({@code -n}); null for the kubeconfig context's
 *     namespace, or {@code default} when the context names none, as kubectl does
 * @param allNamespaces {@code -A}: every namespace (overrides {@code namespace})
 * @param context {@code --context}: the kubeconfig context to use; null for the current one
 * @param kubeconfig {@code --kubeconfig}: the only kubeconfig file to read; null to follow kubectl
 *     ({@code KUBECONFIG}, then {@code ~/.kube/config}, then the in-cluster service account)
 * @param level the level to evaluate ({@code --profile} for audit, {@code --level} for readiness)
 * @param version the policy version ({@code --policy-version})
 * @param includeWorkloads also audit Deployments, StatefulSets, DaemonSets, ReplicaSets,
 *     ReplicationControllers, Jobs, CronJobs and PodTemplates, grouping owned pods under them
 * @param wide the audit table's wide form (USER, PRIVESC, CAPS, SECCOMP, WRITABLE MOUNTS)
 * @param kinds the workload kind table: Kubernetes' kinds, the built-in custom ones and the user's
 *     {@code --workload-kind} mappings; the custom kinds are listed through API discovery
 * @param exemptions which exemptions mark findings exempt (the config file's and the objects' own
 *     annotations); {@link dev.rootlock.engine.ExemptionRules#OFF} for none
 */
public record KubeOptions(
    String namespace,
    boolean allNamespaces,
    String context,
    Path kubeconfig,
    Level level,
    PolicyVersion version,
    boolean includeWorkloads,
    boolean wide,
    WorkloadKinds kinds,
    dev.rootlock.engine.ExemptionRules exemptions) {

  /** How many objects one list request asks for: kubectl's default {@code --chunk-size}. */
  public static final long DEFAULT_PAGE_SIZE = 500;

  public KubeOptions {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kinds, "kinds");
    Objects.requireNonNull(exemptions, "exemptions");
  }

  /** With {@code newExemptions}: the config's and the objects' own, or none. */
  public KubeOptions withExemptions(dev.rootlock.engine.ExemptionRules newExemptions) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        context,
        kubeconfig,
        level,
        version,
        includeWorkloads,
        wide,
        kinds,
        newExemptions);
  }

  /** The defaults: the context's namespace, current context, {@code hardened:latest}. */
  public static KubeOptions defaults() {
    return new KubeOptions(
        null,
        false,
        null,
        null,
        Level.HARDENED,
        PolicyVersion.LATEST,
        false,
        false,
        WorkloadKinds.builtIn(),
        dev.rootlock.engine.ExemptionRules.OFF);
  }

  /** The level and version to evaluate, e.g. {@code hardened:latest}. */
  public LevelVersion levelVersion() {
    return LevelVersion.of(level, version);
  }

  public KubeOptions withNamespace(String newNamespace) {
    return new KubeOptions(
        newNamespace,
        false,
        context,
        kubeconfig,
        level,
        version,
        includeWorkloads,
        wide,
        kinds,
        exemptions);
  }

  public KubeOptions withAllNamespaces() {
    return new KubeOptions(
        null, true, context, kubeconfig, level, version, includeWorkloads, wide, kinds, exemptions);
  }

  public KubeOptions withContext(String newContext, Path newKubeconfig) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        newContext,
        newKubeconfig,
        level,
        version,
        includeWorkloads,
        wide,
        kinds,
        exemptions);
  }

  public KubeOptions withLevel(Level newLevel, PolicyVersion newVersion) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        context,
        kubeconfig,
        newLevel,
        newVersion,
        includeWorkloads,
        wide,
        kinds,
        exemptions);
  }

  public KubeOptions withIncludeWorkloads(boolean include) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        context,
        kubeconfig,
        level,
        version,
        include,
        wide,
        kinds,
        exemptions);
  }

  /** With {@code newKinds}, the table the CLI builds from {@code --workload-kind}. */
  public KubeOptions withKinds(WorkloadKinds newKinds) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        context,
        kubeconfig,
        level,
        version,
        includeWorkloads,
        wide,
        newKinds,
        exemptions);
  }

  public KubeOptions withWide(boolean newWide) {
    return new KubeOptions(
        namespace,
        allNamespaces,
        context,
        kubeconfig,
        level,
        version,
        includeWorkloads,
        newWide,
        kinds,
        exemptions);
  }
}
