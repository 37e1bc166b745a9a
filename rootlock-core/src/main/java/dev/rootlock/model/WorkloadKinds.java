package dev.rootlock.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one table of kinds that carry a pod template, shared by the manifest reader, the fixer, the
 * cluster auditor and the webhook: Kubernetes' own kinds, the three well-known custom workloads
 * (OpenShift DeploymentConfig, Argo Rollout, Knative Service), and the user's mappings.
 *
 * <p>Matching follows the API server. A Kubernetes kind under another Kubernetes group or an
 * unknown version ({@code v1 Deployment}, {@code apps/v2 Deployment}) is refused, as {@code kubectl
 * apply} refuses it; a kind of the same name in a custom group ({@code batch.volcano.sh Job}) is
 * another kind, not a workload.
 *
 * <p>Immutable.
 */
public final class WorkloadKinds {

  public static final WorkloadKind POD = WorkloadKind.served("Pod", FieldPath.root(), "pods", "v1");
  public static final WorkloadKind POD_TEMPLATE =
      WorkloadKind.served("PodTemplate", FieldPath.of("template"), "podtemplates", "v1");
  public static final WorkloadKind REPLICATION_CONTROLLER =
      WorkloadKind.served(
          "ReplicationController", spec("template"), "replicationcontrollers", "v1");
  public static final WorkloadKind DEPLOYMENT =
      WorkloadKind.served(
          "Deployment",
          spec("template"),
          "deployments",
          "apps/v1",
          "apps/v1beta1",
          "apps/v1beta2",
          "extensions/v1beta1");
  public static final WorkloadKind REPLICA_SET =
      WorkloadKind.served(
          "ReplicaSet",
          spec("template"),
          "replicasets",
          "apps/v1",
          "apps/v1beta2",
          "extensions/v1beta1");
  public static final WorkloadKind DAEMON_SET =
      WorkloadKind.served(
          "DaemonSet",
          spec("template"),
          "daemonsets",
          "apps/v1",
          "apps/v1beta2",
          "extensions/v1beta1");
  public static final WorkloadKind STATEFUL_SET =
      WorkloadKind.served(
          "StatefulSet",
          spec("template"),
          "statefulsets",
          "apps/v1",
          "apps/v1beta1",
          "apps/v1beta2");
  public static final WorkloadKind JOB =
      WorkloadKind.served("Job", spec("template"), "jobs", "batch/v1");
  public static final WorkloadKind CRON_JOB =
      WorkloadKind.served(
          "CronJob",
          FieldPath.of("spec", "jobTemplate", "spec", "template"),
          "cronjobs",
          "batch/v1",
          "batch/v1beta1",
          "batch/v2alpha1");
  public static final WorkloadKind DEPLOYMENT_CONFIG =
      WorkloadKind.served(
          "DeploymentConfig", spec("template"), "deploymentconfigs", "apps.openshift.io/v1");
  public static final WorkloadKind ARGO_ROLLOUT =
      WorkloadKind.served("Rollout", spec("template"), "rollouts", "argoproj.io/v1alpha1");
  public static final WorkloadKind KNATIVE_SERVICE =
      WorkloadKind.served("Service", spec("template"), "services", "serving.knative.dev/v1");

  private static final List<WorkloadKind> KUBERNETES =
      List.of(
          POD,
          POD_TEMPLATE,
          REPLICATION_CONTROLLER,
          DEPLOYMENT,
          REPLICA_SET,
          DAEMON_SET,
          STATEFUL_SET,
          JOB,
          CRON_JOB);

  private static final WorkloadKinds BUILT_IN =
      new WorkloadKinds(
          concat(KUBERNETES, List.of(DEPLOYMENT_CONFIG, ARGO_ROLLOUT, KNATIVE_SERVICE)));

  /** What the table says of an object's apiVersion and kind. */
  public sealed interface Match {

    Match NONE = new None();

    /** A workload kind: decode its template. */
    record Found(WorkloadKind kind) implements Match {}

    /** Not a kind that carries a pod template: count it as skipped. */
    record None() implements Match {}

    /** A kind the API server would refuse under this apiVersion: an input error. */
    record Invalid(String message) implements Match {}
  }

  private final List<WorkloadKind> kinds;

  private WorkloadKinds(List<WorkloadKind> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  /** Kubernetes' workload kinds and the three well-known custom ones. */
  public static WorkloadKinds builtIn() {
    return BUILT_IN;
  }

  /** This table with {@code mappings} added; a mapping for a kind and group replaces the row. */
  public WorkloadKinds with(List<WorkloadKind> mappings) {
    if (mappings.isEmpty()) {
      return this;
    }
    List<WorkloadKind> merged = new ArrayList<>(mappings);
    for (WorkloadKind kind : kinds) {
      boolean replaced =
          mappings.stream()
              .anyMatch(m -> m.kind().equals(kind.kind()) && m.groups().equals(kind.groups()));
      if (!replaced) {
        merged.add(kind);
      }
    }
    return new WorkloadKinds(merged);
  }

  /** Every row, the user's mappings first. */
  public List<WorkloadKind> kinds() {
    return kinds;
  }

  /**
   * Looks up an object's kind. An object without apiVersion (which kubectl would refuse) is matched
   * by name among Kubernetes' own kinds, so that a fragment is still judged.
   */
  public Match match(String apiVersion, String kind) {
    if (kind == null) {
      return Match.NONE;
    }
    if (apiVersion == null) {
      return KUBERNETES.stream()
          .filter(k -> k.kind().equals(kind))
          .findFirst()
          .<Match>map(Match.Found::new)
          .orElse(Match.NONE);
    }
    String group = WorkloadKind.groupOf(apiVersion);
    Optional<WorkloadKind> sameGroup =
        kinds.stream().filter(k -> k.kind().equals(kind) && k.groups().contains(group)).findFirst();
    if (sameGroup.isPresent()) {
      return sameGroup.get().serves(apiVersion)
          ? new Match.Found(sameGroup.get())
          : invalid(apiVersion, sameGroup.get());
    }
    if (isKubernetesGroup(group)) {
      Optional<WorkloadKind> elsewhere =
          KUBERNETES.stream().filter(k -> k.kind().equals(kind)).findFirst();
      if (elsewhere.isPresent()) {
        return invalid(apiVersion, elsewhere.get());
      }
    }
    return Match.NONE;
  }

  private static Match invalid(String apiVersion, WorkloadKind kind) {
    return new Match.Invalid(
        "no matches for kind \""
            + kind.kind()
            + "\" in version \""
            + apiVersion
            + "\": "
            + kind.kind()
            + " is served as "
            + kind.preferredApiVersion());
  }

  /**
   * Groups Kubernetes itself serves: the core group, the unsuffixed ones ({@code apps}, {@code
   * batch}, ...) and {@code *.k8s.io}. A CRD's group always has a dot and is none of these.
   */
  public static boolean isKubernetesGroup(String group) {
    return !group.contains(".") || group.endsWith(".k8s.io");
  }

  private static FieldPath spec(String key) {
    return FieldPath.of("spec", key);
  }

  private static List<WorkloadKind> concat(List<WorkloadKind> a, List<WorkloadKind> b) {
    List<WorkloadKind> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
