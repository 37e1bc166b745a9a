package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;

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
import java.util.TreeSet;

/**
 * The default /proc mount masks kernel interfaces that leak host information or allow host changes;
 * an {@code Unmasked} /proc exposes them, so baseline requires the default mount.
 *
 * <p>Restricted fields: {@code securityContext.procMount} of every init, regular and ephemeral
 * container. Allowed values: {@code Default}, unset. From v1.35 a pod in its own user namespace
 * ({@code spec.hostUsers: false}) is exempt, since its /proc belongs to that namespace.
 */
public final class ProcMountCheck implements Check<Pod> {

  public static final String ID = "procMount";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must use the default, masked /proc mount.",
        VersionedCheck.since(0, ProcMountCheck::v1_0),
        VersionedCheck.since(35, ProcMountCheck::v1_35));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    TreeSet<String> badValues = new TreeSet<>();
    for (Container container : pod.spec().allContainers()) {
      String procMount = container.securityContext().procMount();
      if (procMount != null && !procMount.equals("Default")) {
        bad.add(container.displayName());
        badValues.add(procMount);
        fields.add(container.securityContextPath("procMount"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "procMount",
        containers(bad) + " must not set securityContext.procMount to " + joinQuote(badValues),
        bad,
        fields);
  }

  static CheckResult v1_35(Pod pod) {
    // Only an explicit false counts: unset hostUsers means the host's user namespace.
    if (Boolean.FALSE.equals(pod.spec().hostUsers())) {
      return CheckResult.ALLOWED;
    }
    return v1_0(pod);
  }
}
