package dev.rootlock.policy.docker;

import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Every built-in Docker container check (Compose services, {@code docker run} lines, live
 * containers), grouped into the same levels as the pod checks, and the one registry built from
 * them. The explicit lists are the registration: nothing registers itself.
 */
public final class DockerChecks {

  private static final CheckRegistry<ContainerConfig> REGISTRY =
      CheckRegistry.of(all(), Decision.PolicyName.ROOTLOCK);

  private DockerChecks() {}

  /** Baseline: privileged, host namespaces, extra capabilities, unconfined options, devices. */
  public static List<Check<ContainerConfig>> baseline() {
    return List.of(
        new DockerPrivilegedCheck(),
        new DockerHostNamespacesCheck(),
        new DockerCapabilitiesBaselineCheck(),
        new SecurityOptCheck(),
        new DevicesCheck(),
        new RuntimeSocketCheck());
  }

  /** Restricted-only: drop ALL capabilities, no-new-privileges, an explicit non-root user. */
  public static List<Check<ContainerConfig>> restricted() {
    return List.of(
        new DockerCapabilitiesRestrictedCheck(), new NoNewPrivilegesCheck(), new UserCheck());
  }

  /** Hardened-only: read-only root, bounded noexec tmpfs, no writable system paths or binds. */
  public static List<Check<ContainerConfig>> hardened() {
    return List.of(
        new ReadOnlyCheck(),
        new TmpfsCheck(),
        new SystemPathMountsCheck(),
        new BindMountsCheck(),
        new DockerSensitiveHostPathsCheck());
  }

  public static List<Check<ContainerConfig>> all() {
    List<Check<ContainerConfig>> all = new ArrayList<>();
    all.addAll(baseline());
    all.addAll(restricted());
    all.addAll(hardened());
    return all;
  }

  /** The validated registry of {@link #all()}, built once. */
  public static CheckRegistry<ContainerConfig> registry() {
    return REGISTRY;
  }
}
