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
 * Privilege escalation (setuid binaries, file capabilities) lets a process gain more privileges
 * than its parent, so an attacker inside the container can become root and undo other hardening.
 * The kernel's no_new_privs flag is only set when the field is explicitly false, so unset is bad.
 *
 * <p>Restricted fields: {@code spec.containers[*].securityContext.allowPrivilegeEscalation},
 * likewise for {@code initContainers} and {@code ephemeralContainers}. Allowed values: false.
 *
 * <p>From v1.25 Windows pods ({@code spec.os.name: windows}) are skipped: Windows has no such flag
 * and API validation forbids setting it there.
 */
public final class AllowPrivilegeEscalationCheck implements Check<Pod> {

  public static final String ID = "allowPrivilegeEscalation";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must set allowPrivilegeEscalation to false.",
        VersionedCheck.since(8, AllowPrivilegeEscalationCheck::v1_8),
        VersionedCheck.since(25, AllowPrivilegeEscalationCheck::v1_25));
  }

  static CheckResult v1_8(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      if (!Boolean.FALSE.equals(container.securityContext().allowPrivilegeEscalation())) {
        bad.add(container.displayName());
        fields.add(container.securityContextPath("allowPrivilegeEscalation"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "allowPrivilegeEscalation != false",
        containers(bad) + " must set securityContext.allowPrivilegeEscalation=false",
        bad,
        fields);
  }

  static CheckResult v1_25(Pod pod) {
    if (pod.spec().isWindows()) {
      return CheckResult.ALLOWED;
    }
    return v1_8(pod);
  }
}
