package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in kinds that carry a pod template, with where the template is and their API groups.
 */
enum WorkloadKind {
  POD("Pod", FieldPath.root(), ""),
  POD_TEMPLATE("PodTemplate", FieldPath.of("template"), ""),
  REPLICATION_CONTROLLER("ReplicationController", FieldPath.of("spec", "template"), ""),
  DEPLOYMENT("Deployment", FieldPath.of("spec", "template"), "apps", "extensions"),
  REPLICA_SET("ReplicaSet", FieldPath.of("spec", "template"), "apps", "extensions"),
  DAEMON_SET("DaemonSet", FieldPath.of("spec", "template"), "apps", "extensions"),
  STATEFUL_SET("StatefulSet", FieldPath.of("spec", "template"), "apps"),
  JOB("Job", FieldPath.of("spec", "template"), "batch"),
  CRON_JOB("CronJob", FieldPath.of("spec", "jobTemplate", "spec", "template"), "batch");

  private final String kind;
  private final FieldPath templatePath;
  private final Set<String> groups;

  WorkloadKind(String kind, FieldPath templatePath, String... groups) {
    this.kind = kind;
    this.templatePath = templatePath;
    this.groups = Set.of(groups);
  }

  /** Where the pod template is inside the object; the root for a Pod. */
  FieldPath templatePath() {
    return templatePath;
  }

  /**
   * The workload kind of an object, if it is one. A kind of another API group (a custom resource
   * that happens to be called {@code Job}, say) is none; an object without apiVersion is matched by
   * kind alone.
   */
  static Optional<WorkloadKind> of(String apiVersion, String kind) {
    String group = apiVersion == null ? null : groupOf(apiVersion);
    return Arrays.stream(values())
        .filter(k -> k.kind.equals(kind) && (group == null || k.groups.contains(group)))
        .findFirst();
  }

  private static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
