package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.field;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Capabilities beyond Docker's default set ({@code SYS_ADMIN}, {@code NET_ADMIN}, {@code ALL}, ...)
 * give the container kernel powers that can break out of it or remount its filesystems.
 *
 * <p>Restricted field: {@code cap_add[*]} ({@code --cap-add}, {@code HostConfig.CapAdd}), compared
 * as Docker compares them: any case, with or without {@code CAP_}. Allowed values: Docker's
 * defaults ({@code AUDIT_WRITE}, {@code CHOWN}, {@code DAC_OVERRIDE}, {@code FOWNER}, {@code
 * FSETID}, {@code KILL}, {@code MKNOD}, {@code NET_BIND_SERVICE}, {@code NET_RAW}, {@code SETFCAP},
 * {@code SETGID}, {@code SETPCAP}, {@code SETUID}, {@code SYS_CHROOT}), unset. Messages name
 * capabilities upper-case without the prefix.
 */
public final class DockerCapabilitiesBaselineCheck implements Check<ContainerConfig> {

  public static final String ID = "capabilities_baseline";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not add capabilities beyond Docker's defaults.",
        VersionedCheck.since(0, DockerCapabilitiesBaselineCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Capability capability : config.capAdd()) {
      if (!DockerCapabilities.DEFAULTS.contains(capability.canonical())) {
        bad.add(capability.canonical());
        fields.add(capability.path());
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "non-default capabilities",
        subject(config)
            + " must not include "
            + joinQuote(sortedSet(bad))
            + " in "
            + field(config, DockerField.CAP_ADD),
        List.of(config.name()),
        fields);
  }
}
