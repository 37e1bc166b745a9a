package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;

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
 * Privileged pods disable most security mechanisms, and a privileged container can remount the root
 * filesystem read-write, undoing {@code readOnlyRootFilesystem} entirely.
 *
 * <p>Restricted fields: {@code spec.containers[*].securityContext.privileged}, likewise for {@code
 * initContainers} and {@code ephemeralContainers}. Allowed values: false, unset.
 */
public final class PrivilegedCheck implements Check<Pod> {

  public static final String ID = "privileged";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not run privileged.",
        VersionedCheck.since(0, PrivilegedCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      if (Boolean.TRUE.equals(container.securityContext().privileged())) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("privileged"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "privileged",
        containers(bad) + " must not set securityContext.privileged=true",
        bad,
        fields);
  }
}
