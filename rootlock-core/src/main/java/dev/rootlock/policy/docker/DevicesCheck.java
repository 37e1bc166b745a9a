package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.field;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;

/**
 * A host device node inside the container (a disk, {@code /dev/fuse}, {@code /dev/kvm}) reaches
 * past the container's filesystem: a raw disk can be mounted or written directly, whatever {@code
 * read_only} says.
 *
 * <p>Restricted field: {@code devices[*]} ({@code --device}, {@code HostConfig.Devices}). Allowed
 * values: none; unset. Messages quote the entries as written.
 */
public final class DevicesCheck implements Check<ContainerConfig> {

  public static final String ID = "devices";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not map host devices.",
        VersionedCheck.since(0, DevicesCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    if (config.devices().isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> specs = config.devices().stream().map(Device::spec).toList();
    List<FieldPath> fields = config.devices().stream().map(Device::path).toList();
    return CheckResult.forbidden(
        "host devices",
        subject(config)
            + " must not include "
            + joinQuote(sortedSet(specs))
            + " in "
            + field(config, DockerField.DEVICES),
        List.of(config.name()),
        fields);
  }
}
