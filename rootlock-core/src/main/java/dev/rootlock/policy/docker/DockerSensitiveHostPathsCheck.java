package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.pluralize;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.HostPaths;
import dev.rootlock.policy.HostPaths.Kind;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Some host paths give the host away however they are mounted. A container runtime's socket is root
 * on the host: {@code :ro} does not stop {@code connect(2)}, so {@code -v
 * /var/run/docker.sock:/var/run/docker.sock:ro} is as dangerous as without it. The host root {@code
 * /} holds every such socket and every secret of the host. {@code /proc}, {@code /sys} and {@code
 * /dev}, written, reach the kernel itself.
 *
 * <p>Restricted field: {@code volumes[*]} with a host path ({@code -v}, {@code --mount type=bind},
 * a live container's bind mounts), judged by the HOST path whatever the container path. Fails: a
 * runtime socket ({@code docker.sock}, {@code containerd.sock}, {@code crio.sock}, {@code
 * podman.sock}, or a directory holding one at its default place), {@code /}, read-only or not;
 * {@code /proc}, {@code /sys}, {@code /dev} or below, when writable. Host paths are quoted as
 * written, sorted, each once.
 */
public final class DockerSensitiveHostPathsCheck implements Check<ContainerConfig> {

  public static final String ID = "sensitiveHostPaths";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must not mount a container runtime socket or the host root, nor /proc, /sys"
            + " or /dev writable.",
        VersionedCheck.since(0, DockerSensitiveHostPathsCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    TreeMap<String, Kind> sources = new TreeMap<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      if (mount.type() != MountType.BIND) {
        continue;
      }
      Optional<Kind> kind = HostPaths.classify(mount.source());
      if (kind.isEmpty() || (kind.get() == Kind.KERNEL && !mount.writable())) {
        continue;
      }
      sources.put(mount.source(), kind.get());
      fields.add(mount.path());
    }
    if (sources.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> items = new ArrayList<>();
    sources.forEach((source, kind) -> items.add("\"" + source + "\" " + kind.words()));
    return CheckResult.forbidden(
        "sensitive host paths",
        subject(config)
            + " must not mount "
            + pluralize("host path", "host paths", items.size())
            + " "
            + String.join(", ", items),
        List.of(config.name()),
        fields);
  }
}
