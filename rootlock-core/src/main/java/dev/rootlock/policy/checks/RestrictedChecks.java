package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import java.util.List;

/** Pod Security Admission's restricted-only checks: the explicit list. */
public final class RestrictedChecks {

  private RestrictedChecks() {}

  public static List<Check<Pod>> all() {
    return List.of(
        new AllowPrivilegeEscalationCheck(),
        new CapabilitiesRestrictedCheck(),
        new ProcMountRestrictedCheck(),
        new RestrictedVolumesCheck(),
        new RunAsNonRootCheck(),
        new RunAsUserCheck(),
        new SeccompProfileRestrictedCheck());
  }
}
