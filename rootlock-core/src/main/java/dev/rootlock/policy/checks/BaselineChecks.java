package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import java.util.List;

/** Pod Security Admission's baseline checks: the explicit list (no self-registration). */
public final class BaselineChecks {

  private BaselineChecks() {}

  public static List<Check<Pod>> all() {
    return List.of(
        new AppArmorProfileCheck(),
        new CapabilitiesBaselineCheck(),
        new HostNamespacesCheck(),
        new HostPathVolumesCheck(),
        new HostPortsCheck(),
        new HostProbesAndHostLifecycleCheck(),
        new PrivilegedCheck(),
        new ProcMountCheck(),
        new SeLinuxOptionsCheck(),
        new SeccompProfileBaselineCheck(),
        new SysctlsCheck(),
        new WindowsHostProcessCheck());
  }
}
