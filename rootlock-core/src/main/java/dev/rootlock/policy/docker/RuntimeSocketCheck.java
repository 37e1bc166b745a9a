package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;
import static dev.rootlock.policy.Messages.sortedSet;
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

/**
 * A writable bind mount of a container runtime's socket lets the container start a privileged
 * container of its own: the known escalation that baseline exists to stop, as {@code privileged}
 * is. Baseline asks only that it be read-only, the least a Compose file that needs the socket can
 * do; {@code hardened}'s {@code sensitiveHostPaths} refuses the socket altogether, because {@code
 * :ro} does not stop {@code connect(2)}.
 *
 * <p>Restricted field: {@code volumes[*]} with a host path ({@code -v}, {@code --mount type=bind},
 * a live container's bind mounts) that is a runtime socket, by HOST path: {@code docker.sock},
 * {@code containerd.sock}, {@code crio.sock}, {@code podman.sock}, or a directory that holds one at
 * its default place ({@code /run}, {@code /var/run}, {@code /run/containerd}, ...). Allowed:
 * read-only.
 */
public final class RuntimeSocketCheck implements Check<ContainerConfig> {

  public static final String ID = "runtimeSocket";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not mount a container runtime socket writable.",
        VersionedCheck.since(0, RuntimeSocketCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> sources = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      if (mount.type() == MountType.BIND
          && mount.writable()
          && HostPaths.classify(mount.source()).filter(Kind.RUNTIME_SOCKET::equals).isPresent()) {
        sources.add(mount.source());
        fields.add(mount.path());
      }
    }
    if (sources.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> distinct = sortedSet(sources);
    return CheckResult.forbidden(
        "writable runtime socket",
        subject(config)
            + " must mount container runtime "
            + pluralize("socket", "sockets", distinct.size())
            + " "
            + joinQuote(distinct)
            + " read-only",
        List.of(config.name()),
        fields);
  }
}
