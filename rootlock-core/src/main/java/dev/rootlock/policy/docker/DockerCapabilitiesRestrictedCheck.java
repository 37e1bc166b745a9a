package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.field;
import static dev.rootlock.policy.docker.Wording.listSetting;
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
 * Docker's default capabilities still include {@code CHOWN}, {@code DAC_OVERRIDE}, {@code SETUID}
 * and friends, which a compromised root process uses to take over files and identities. Dropping
 * all of them leaves only what the application asks for, and the only thing a restricted container
 * may ask for is binding low ports.
 *
 * <p>Restricted fields: {@code cap_drop} must include {@code ALL} (any case, with or without {@code
 * CAP_}); {@code cap_add[*]} may hold only {@code NET_BIND_SERVICE}. Adding {@code ALL} undoes the
 * drop, and is reported as an addition. Replaces {@link DockerCapabilitiesBaselineCheck}.
 */
public final class DockerCapabilitiesRestrictedCheck implements Check<ContainerConfig> {

  public static final String ID = "capabilities_restricted";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must drop ALL capabilities and add back at most NET_BIND_SERVICE.",
        VersionedCheck.since(
            0, DockerCapabilitiesRestrictedCheck::v1_0, DockerCapabilitiesBaselineCheck.ID));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> parts = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    if (config.capDrop().stream().noneMatch(Capability::isAll)) {
      parts.add(subject(config) + " must set " + listSetting(config, DockerField.CAP_DROP, "ALL"));
      fields.add(
          config.capDrop().isEmpty()
              ? DockerField.CAP_DROP.path()
              : config.capDrop().get(0).path());
    }
    List<String> added = new ArrayList<>();
    for (Capability capability : config.capAdd()) {
      if (!capability.canonical().equals(DockerCapabilities.NET_BIND_SERVICE)) {
        added.add(capability.canonical());
        fields.add(capability.path());
      }
    }
    if (!added.isEmpty()) {
      parts.add(
          subject(config)
              + " must not include "
              + joinQuote(sortedSet(added))
              + " in "
              + field(config, DockerField.CAP_ADD));
    }
    if (parts.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "unrestricted capabilities", String.join("; ", parts), List.of(config.name()), fields);
  }
}
