package dev.rootlock.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.source.kube.WorkloadKind;
import dev.rootlock.source.kube.WorkloadKinds;
import java.util.List;

/**
 * The API resources rootlock lists, with the REST paths kubectl uses for them. Controllers come
 * before the pods they own, so owners are known before their pods are listed. A workload kind's
 * name, preferred version, plural and template path are its row of {@link WorkloadKinds}, the
 * table the manifest reader and the webhook use too.
 */
enum ApiKind {
  DEPLOYMENT(WorkloadKinds.DEPLOYMENT),
  STATEFUL_SET(WorkloadKinds.STATEFUL_SET),
  DAEMON_SET(WorkloadKinds.DAEMON_SET),
  REPLICA_SET(WorkloadKinds.REPLICA_SET),
  REPLICATION_CONTROLLER(WorkloadKinds.REPLICATION_CONTROLLER),
  CRON_JOB(WorkloadKinds.CRON_JOB),
  JOB(WorkloadKinds.JOB),
  POD_TEMPLATE(WorkloadKinds.POD_TEMPLATE),
  POD(WorkloadKinds.POD),
  NAMESPACE(
      new WorkloadKind("Namespace", java.util.Set.of(""), List.of("v1"), null, "namespaces"));

  /** The controller kinds {@code --include-workloads} adds, in listing order. */
  static final List<ApiKind> WORKLOADS =
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
  static final List<ApiKind> WORKLOADS_AND_PODS =
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

  ApiKind(WorkloadKind row) {
    this.row = row;
  }

  /** The kind's row of the workload table (for a Namespace, one of its own without template). */
  WorkloadKind row() {
    return row;
  }

  String apiVersion() {
    return row.preferredApiVersion();
  }

  String kind() {
    return row.kind();
  }

  String plural() {
    return row.plural();
  }

  FieldPath templatePath() {
    return row.templatePath();
  }

  /**
   * The collection's path: {@code /api/v1/pods} across namespaces, {@code
   * /apis/apps/v1/namespaces/ns/deployments} in one.
   */
  String path(String namespace) {
    if (this == NAMESPACE) {
      return "/api/v1/namespaces";
    }
    String apiVersion = apiVersion();
    String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return namespace == null
        ? root + "/" + plural()
        : root + "/namespaces/" + namespace + "/" + plural();
  }
}
