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
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A writable bind mount lets the container change files on the host, which outlive the container
 * and which host processes may trust; it is a way out as much as a way in. Named volumes and tmpfs
 * stay Docker's own and are not reported here.
 *
 * <p>Restricted field: {@code volumes[*]} with a host path ({@code -v /host:/ctr}, {@code --mount
 * type=bind}). Allowed values: read-only ({@code :ro}, {@code read_only: true}, {@code readonly}).
 * Messages quote the host paths as written.
 */
public final class BindMountsCheck implements Check<ContainerConfig> {

  public static final String ID = "bindMounts";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must mount host paths read-only.",
        VersionedCheck.since(0, BindMountsCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> sources = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      if (mount.type() == MountType.BIND && mount.writable()) {
        sources.add(mount.source() == null ? "" : mount.source());
        fields.add(mount.path());
      }
    }
    if (sources.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> distinct = sortedSet(sources);
    return CheckResult.forbidden(
        "writable bind mounts",
        subject(config)
            + " must mount "
            + pluralize("host path", "host paths", distinct.size())
            + " "
            + joinQuote(distinct)
            + " read-only",
        List.of(config.name()),
        fields);
  }
}
