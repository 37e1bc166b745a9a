package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.setters;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit {@code runAsUser: 0} asks for root outright, whatever {@code runAsNonRoot} or the
 * image says.
 *
 * <p>Restricted fields: {@code spec.securityContext.runAsUser} and {@code
 * spec.containers[*].securityContext.runAsUser}, likewise for {@code initContainers} and {@code
 * ephemeralContainers}. Allowed values: any non-zero value, unset.
 *
 * <p>From v1.35 pods with {@code hostUsers: false} are skipped: in a user namespace, UID 0 maps to
 * an unprivileged host user.
 */
public final class RunAsUserCheck implements Check<Pod> {

  public static final String ID = "runAsUser";

  private static final long ROOT = 0L;

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Pods and containers must not set runAsUser to 0.",
        VersionedCheck.since(23, RunAsUserCheck::v1_23),
        VersionedCheck.since(35, RunAsUserCheck::v1_35));
  }

  static CheckResult v1_23(Pod pod) {
    boolean podIsRoot = isRoot(pod.spec().securityContext().runAsUser());
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    if (podIsRoot) {
      fields.add(FieldPath.of("spec", "securityContext", "runAsUser"));
    }
    for (Container container : pod.spec().allContainers()) {
      if (isRoot(container.securityContext().runAsUser())) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("runAsUser"));
      }
    }
    if (!podIsRoot && bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "runAsUser=0", setters(podIsRoot, bad) + " must not set runAsUser=0", bad, fields);
  }

  static CheckResult v1_35(Pod pod) {
    if (Boolean.FALSE.equals(pod.spec().hostUsers())) {
      return CheckResult.ALLOWED;
    }
    return v1_23(pod);
  }

  private static boolean isRoot(Long uid) {
    return uid != null && uid == ROOT;
  }
}
