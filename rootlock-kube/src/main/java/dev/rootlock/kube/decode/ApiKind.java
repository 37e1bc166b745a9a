package dev.rootlock.kube.decode;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import java.util.List;
import java.util.Set;

/**
 * An API resource rootlock lists, with the REST paths kubectl uses for it. A workload kind's name,
 * version, plural and template path are its row of {@link WorkloadKinds}, the table the manifest
 * reader and the webhook use too. Kubernetes' own kinds are constants; a custom kind (a user's
 * {@code --workload-kind}, an Argo Rollout) becomes one once the API server's discovery has told
 * its served version, plural and scope ({@code kube.client.CustomKinds}). Controllers come before
 * the pods they own, so owners are known before their pods are listed.
 */
public final class ApiKind {
  public static final ApiKind DEPLOYMENT = new ApiKind(WorkloadKinds.DEPLOYMENT);
  public static final ApiKind STATEFUL_SET = new ApiKind(WorkloadKinds.STATEFUL_SET);
  public static final ApiKind DAEMON_SET = new ApiKind(WorkloadKinds.DAEMON_SET);
  public static final ApiKind REPLICA_SET = new ApiKind(WorkloadKinds.REPLICA_SET);
  public static final ApiKind REPLICATION_CONTROLLER =
      new ApiKind(WorkloadKinds.REPLICATION_CONTROLLER);
  public static final ApiKind CRON_JOB = new ApiKind(WorkloadKinds.CRON_JOB);
  public static final ApiKind JOB = new ApiKind(WorkloadKinds.JOB);
  public static final ApiKind POD_TEMPLATE = new ApiKind(WorkloadKinds.POD_TEMPLATE);
  public static final ApiKind POD = new ApiKind(WorkloadKinds.POD);
  public static final ApiKind NAMESPACE =
      new ApiKind(
          new WorkloadKind("Namespace", Set.of(""), List.of("v1"), null, "namespaces", false));

  /** The controller kinds {@code --include-workloads} adds, in listing order. */
  public static final List<ApiKind> WORKLOADS =
      List.of(
          DEPLOYMENT,
          STATEFUL_SET,
          DAEMON_SET,
          REPLICA_SET,
          REPLICATION_CONTROLLER,
          CRON_JOB,
          JOB,
          POD_TEMPLATE);

  /** The kinds that carry a pod template: the controllers, then Pod itself. */
  public static final List<ApiKind> WORKLOADS_AND_PODS =
      List.of(
          DEPLOYMENT,
          STATEFUL_SET,
          DAEMON_SET,
          REPLICA_SET,
          REPLICATION_CONTROLLER,
          CRON_JOB,
          JOB,
          POD_TEMPLATE,
          POD);

  private final WorkloadKind row;

  private ApiKind(WorkloadKind row) {
    this.row = row;
  }

  /**
   * A custom kind as this API server serves it: {@code row}'s kind and template path, at the {@code
   * apiVersion} and {@code plural} discovery named, namespaced or not as it said.
   */
  public static ApiKind served(
      WorkloadKind row, String apiVersion, String plural, boolean namespaced) {
    return new ApiKind(
        new WorkloadKind(
            row.kind(), row.groups(), List.of(apiVersion), row.templatePath(), plural, namespaced));
  }

  /** Kubernetes' kinds, the namespace last. */
  public static List<ApiKind> values() {
    List<ApiKind> all = new java.util.ArrayList<>(WORKLOADS_AND_PODS);
    all.add(NAMESPACE);
    return all;
  }

  /**
   * The order rows print in: Kubernetes' controllers as listed, then custom kinds by name, then
   * pods.
   */
  public static final java.util.Comparator<ApiKind> ORDER =
      java.util.Comparator.comparingInt(ApiKind::rank).thenComparing(ApiKind::kind);

  private int rank() {
    int index = WORKLOADS.indexOf(this);
    if (index >= 0) {
      return index;
    }
    if (this == POD) {
      return WORKLOADS.size() + 1;
    }
    return this == NAMESPACE ? WORKLOADS.size() + 2 : WORKLOADS.size();
  }

  /** The kind's row of the workload table (for a Namespace, one of its own without template). */
  public WorkloadKind row() {
    return row;
  }

  public String apiVersion() {
    return row.preferredApiVersion();
  }

  public String kind() {
    return row.kind();
  }

  public String plural() {
    return row.plural();
  }

  public FieldPath templatePath() {
    return row.templatePath();
  }

  /**
   * The collection's path: {@code /api/v1/pods} across namespaces, {@code
   * /apis/apps/v1/namespaces/ns/deployments} in one; a kind that is not namespaced ({@code
   * /api/v1/namespaces}) has only the first, as kubectl ignores {@code -n} for it.
   */
  public String path(String namespace) {
    String apiVersion = apiVersion();
    String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return namespace == null || !row.namespaced()
        ? root + "/" + plural()
        : root + "/namespaces/" + namespace + "/" + plural();
  }

  @Override
  public String toString() {
    return row.kind() + "." + apiVersion();
  }
}
