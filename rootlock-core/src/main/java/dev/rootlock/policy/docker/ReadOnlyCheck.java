package dev.rootlock.policy.docker;

import static dev.rootlock.policy.docker.Wording.field;
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
 * rootlock's reason for being: with a writable root filesystem an attacker who gets code execution
 * can drop tools, rewrite scripts and replace binaries; read-only removes the filesystem as a
 * staging ground. Paths the application must write get a tmpfs or a volume instead.
 *
 * <p>Required field: {@code read_only} ({@code --read-only}, {@code HostConfig.ReadonlyRootfs}).
 * Allowed value: true. Unset or false fails.
 */
public final class ReadOnlyCheck implements Check<ContainerConfig> {

  public static final String ID = "readOnly";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must mount their root filesystem read-only.",
        VersionedCheck.since(0, ReadOnlyCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    if (Boolean.TRUE.equals(config.readOnly())) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        field(config, DockerField.READ_ONLY) + " != true",
        subject(config) + " must set " + setting(config, DockerField.READ_ONLY, "true"),
        List.of(config.name()),
        List.of(DockerField.READ_ONLY.path()));
  }
}
