package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.setters;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Level;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

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
    boolean podSetsFalse = Boolean.FALSE.equals(podValue);
    boolean podSetsTrue = Boolean.TRUE.equals(podValue);
    List<String> explicitlyBad = new ArrayList<>();
    List<FieldPath> explicitFields = new ArrayList<>();
    List<String> implicitlyBad = new ArrayList<>();
    List<FieldPath> implicitFields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      Boolean value = container.securityContext().runAsNonRoot();
      FieldPath field = container.securityContextPath("runAsNonRoot");
      if (Boolean.FALSE.equals(value)) {
        explicitlyBad.add(container.name());
        explicitFields.add(field);
      } else if (value == null && !podSetsTrue) {
        implicitlyBad.add(container.name());
        implicitFields.add(field);
      }
    }
    if (podSetsFalse || !explicitlyBad.isEmpty()) {
      List<FieldPath> fields = new ArrayList<>();
      if (podSetsFalse) {
        fields.add(POD_FIELD);
      }
      fields.addAll(explicitFields);
      return CheckResult.forbidden(
          REASON,
          setters(podSetsFalse, explicitlyBad) + " must not set securityContext.runAsNonRoot=false",
          explicitlyBad,
          fields);
    }
    if (!implicitlyBad.isEmpty()) {
      // Setting it once on the pod is the simplest fix, so the pod field comes first.
      List<FieldPath> fields = new ArrayList<>();
      fields.add(POD_FIELD);
      fields.addAll(implicitFields);
      return CheckResult.forbidden(
          REASON,
          "pod or " + containers(implicitlyBad) + " must set securityContext.runAsNonRoot=true",
          implicitlyBad,
          fields);
    }
    return CheckResult.ALLOWED;
  }

  static CheckResult v1_35(Pod pod) {
    if (Boolean.FALSE.equals(pod.spec().hostUsers())) {
      return CheckResult.ALLOWED;
    }
    return v1_0(pod);
  }
}
