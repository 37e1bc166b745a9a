package dev.rootlock.policy.checks;

import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;

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

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must use the default (masked) /proc mount, even in a user namespace.",
        VersionedCheck.since(35, ProcMountRestrictedCheck::v1_35, ProcMountCheck.ID));
  }

  /** Baseline's unconditional v1.0 rule, with its reason and detail, as PSA does. */
  static CheckResult v1_35(Pod pod) {
    return ProcMountCheck.v1_0(pod);
  }
}
