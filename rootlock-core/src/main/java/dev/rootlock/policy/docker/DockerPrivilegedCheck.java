package dev.rootlock.policy.docker;

import static dev.rootlock.policy.docker.Wording.setting;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;

/**
 * A privileged container gets every capability, every device and no seccomp or AppArmor
 * confinement, and can remount its root filesystem read-write, undoing {@code read_only} entirely.
 *
 * <p>Restricted field: {@code privileged} ({@code --privileged}, {@code HostConfig.Privileged}).
 * Allowed values: false, unset.
 */
public final class DockerPrivilegedCheck implements Check<ContainerConfig> {

  public static final String ID = "privileged";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not run privileged.",
        VersionedCheck.since(0, DockerPrivilegedCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    if (!Boolean.TRUE.equals(config.privileged())) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "privileged",
        subject(config) + " must not set " + setting(config, DockerField.PRIVILEGED, "true"),
        List.of(config.name()),
        List.of(DockerField.PRIVILEGED.path()));
  }
}
