package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;

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
 * The default proc mount masks parts of {@code /proc} that leak host information or allow kernel
 * tampering; {@code Unmasked} exposes them. From v1.35 the baseline {@code procMount} check lets
 * user-namespaced pods ({@code hostUsers: false}) unmask /proc; restricted keeps the unconditional
 * rule, so this check replaces baseline {@code procMount} there from v1.35 on. Before v1.35
 * restricted simply runs the baseline check.
 *
 * <p>Restricted fields: {@code spec.containers[*].securityContext.procMount}, likewise for {@code
 * initContainers} and {@code ephemeralContainers}. Allowed values: unset, {@code Default}.
 */
public final class ProcMountRestrictedCheck implements Check<Pod> {

  public static final String ID = "procMount_restricted";

  /** The baseline check this one replaces, named by ID so the two lists stay independent. */
  static final String BASELINE_ID = "procMount";

  private static final String DEFAULT = "Default";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must use the default (masked) /proc mount, even in a user namespace.",
        VersionedCheck.since(35, ProcMountRestrictedCheck::v1_35, BASELINE_ID));
  }

  static CheckResult v1_35(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<String> badValues = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      String procMount = container.securityContext().procMount();
      if (procMount != null && !DEFAULT.equals(procMount)) {
        bad.add(container.name());
        badValues.add(procMount);
        fields.add(container.securityContextPath("procMount"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "procMount",
        containers(bad)
            + " must not set securityContext.procMount to "
            + joinQuote(sortedSet(badValues)),
        bad,
        fields);
  }
}
