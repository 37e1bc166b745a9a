package dev.rootlock.docker.audit;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerDetails.MountPoint;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An inspected container as the Docker model sees it ({@link DockerDialect#ENGINE}, so messages
 * name {@code HostConfig} fields): the same {@link ContainerConfig} a Compose service or a {@code
 * docker run} line becomes, judged by the same checks. Paths are Compose-shaped as everywhere in
 * the model; a live container has no text, so its locator is {@link Locator#NONE}.
 */
public final class ContainerAdapter {

  /** The pseudo-file name prefix of a live container's results: {@code docker:web}. */
  public static final String SOURCE_PREFIX = "docker:";

  private ContainerAdapter() {}

  /** The container as a checkable object from {@code docker:<name>}. */
  public static DockerObject object(ContainerDetails details) {
    return new DockerObject(
        SourceRef.of(SOURCE_PREFIX + details.name()),
        config(details),
        List.of(),
        List.of(),
        Locator.NONE);
  }

  /** The container's hardening-relevant settings; unset ones stay null. */
  public static ContainerConfig config(ContainerDetails details) {
    ContainerConfig.Builder b = ContainerConfig.builder(DockerDialect.ENGINE, details.name());
    b.image = details.image();
    b.readOnly = details.readOnlyRoot();
    b.user = blankToNull(details.user());
    b.privileged = details.privileged();
    for (String cap : details.capAdd()) {
      b.capAdd.add(new Capability(cap, item(DockerField.CAP_ADD, b.capAdd.size())));
    }
    for (String cap : details.capDrop()) {
      b.capDrop.add(new Capability(cap, item(DockerField.CAP_DROP, b.capDrop.size())));
    }
    for (String opt : details.securityOpt()) {
      b.securityOpts.add(
          SecurityOpt.parse(opt, item(DockerField.SECURITY_OPT, b.securityOpts.size())));
    }
    // Map order means nothing; sorted by mount point, the paths stay stable between runs.
    for (Map.Entry<String, String> tmpfs : new TreeMap<>(details.tmpfs()).entrySet()) {
      String spec =
          tmpfs.getValue().isEmpty() ? tmpfs.getKey() : tmpfs.getKey() + ":" + tmpfs.getValue();
      b.tmpfs.add(TmpfsMount.parse(spec, item(DockerField.TMPFS, b.tmpfs.size())));
    }
    for (MountPoint mount : details.mounts()) {
      b.mounts.add(
          new Mount(
              mountType(mount.type()),
              blankToNull(mount.source()),
              mount.destination(),
              !mount.writable(),
              item(DockerField.VOLUMES, b.mounts.size())));
    }
    ContainerDetails.Namespaces namespaces = details.namespaces();
    b.networkMode = blankToNull(namespaces.network());
    b.pid = blankToNull(namespaces.pid());
    b.ipc = blankToNull(namespaces.ipc());
    b.uts = blankToNull(namespaces.uts());
    b.usernsMode = blankToNull(namespaces.userns());
    for (String device : details.devices()) {
      b.devices.add(new Device(device, item(DockerField.DEVICES, b.devices.size())));
    }
    b.pathEnv =
        details.env().stream()
            .filter(e -> e.startsWith("PATH="))
            .map(e -> e.substring("PATH=".length()))
            .findFirst()
            .orElse(null);
    return b.build();
  }

  private static FieldPath item(DockerField field, int index) {
    return field.path().index(index);
  }

  /** The engine's lower-case mount type; anything Docker adds later is Docker-managed storage. */
  private static MountType mountType(String type) {
    try {
      return MountType.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return MountType.VOLUME;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
