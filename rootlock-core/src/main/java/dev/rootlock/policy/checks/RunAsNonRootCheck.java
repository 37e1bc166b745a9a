package dev.rootlock.policy.checks;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;

/**
 * Root in a container is root on the host kernel, one escape away from the node. {@code
 * runAsNonRoot: true} makes the kubelet refuse to start a container whose user would be UID 0; the
 * image's USER and {@code runAsUser} are not considered here.
 *
 * <p>Restricted fields: {@code spec.securityContext.runAsNonRoot} and {@code
 * spec.containers[*].securityContext.runAsNonRoot}, likewise for {@code initContainers} and {@code
 * ephemeralContainers}. Allowed values: true at pod level (containers that leave it unset inherit
 * it), or true on every container. An explicit false anywhere fails, and is reported in preference
 * to missing values.
 *
 * <p>From v1.35 pods with {@code hostUsers: false} are skipped: in a user namespace, container root
 * maps to an unprivileged host user.
 */
public final class RunAsNonRootCheck implements Check<Pod> {

  public static final String ID = "runAsNonRoot";

  private static final String REASON = "runAsNonRoot != true";
  private static final FieldPath POD_FIELD =
      FieldPath.of("spec", "securityContext", "runAsNonRoot");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Pods or all their containers must set runAsNonRoot to true.",
        VersionedCheck.since(0, RunAsNonRootCheck::v1_0),
        VersionedCheck.since(35, RunAsNonRootCheck::v1_35));
  }

  static CheckResult v1_0(Pod pod) {
    Boolean podValue = pod.spec().securityContext().runAsNonRoot();
    boolean podSetsTrue = Boolean.TRUE.equals(podValue);
    PodOrContainers settings = new PodOrContainers(POD_FIELD);
    for (Container container : pod.spec().allContainers()) {
      Boolean value = container.securityContext().runAsNonRoot();
      FieldPath field = container.securityContextPath("runAsNonRoot");
      if (Boolean.FALSE.equals(value)) {
        settings.bad(container, field);
      } else if (value == null && !podSetsTrue) {
        settings.missing(container, field);
      }
    }
    return settings.result(
        REASON,
        Boolean.FALSE.equals(podValue),
        "must not set securityContext.runAsNonRoot=false",
        "must set securityContext.runAsNonRoot=true");
  }

  static CheckResult v1_35(Pod pod) {
    if (Boolean.FALSE.equals(pod.spec().hostUsers())) {
      return CheckResult.ALLOWED;
    }
    return v1_0(pod);
  }
}
