package dev.rootlock.kube;

import java.util.List;

/**
 * The API resources rootlock reads, with the REST paths kubectl uses for them. Controllers come
 * before the pods they own, so owners are known before their pods are listed.
 */
enum ApiKind {
  DEPLOYMENT("apps/v1", "Deployment", "deployments"),
  STATEFUL_SET("apps/v1", "StatefulSet", "statefulsets"),
  DAEMON_SET("apps/v1", "DaemonSet", "daemonsets"),
  REPLICA_SET("apps/v1", "ReplicaSet", "replicasets"),
  REPLICATION_CONTROLLER("v1", "ReplicationController", "replicationcontrollers"),
  CRON_JOB("batch/v1", "CronJob", "cronjobs"),
  JOB("batch/v1", "Job", "jobs"),
  POD_TEMPLATE("v1", "PodTemplate", "podtemplates"),
  POD("v1", "Pod", "pods"),
  NAMESPACE("v1", "Namespace", "namespaces");

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

  private final String apiVersion;
  private final String kind;
  private final String plural;

  ApiKind(String apiVersion, String kind, String plural) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.plural = plural;
  }

  String apiVersion() {
    return apiVersion;
  }

  String kind() {
    return kind;
  }

  String plural() {
    return plural;
  }

  /**
   * The collection's path: {@code /api/v1/pods} across namespaces, {@code
   * /apis/apps/v1/namespaces/ns/deployments} in one.
   */
  String path(String namespace) {
    if (this == NAMESPACE) {
      return "/api/v1/namespaces";
    }
    String root = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return namespace == null
        ? root + "/" + plural
        : root + "/namespaces/" + namespace + "/" + plural;
  }
}
