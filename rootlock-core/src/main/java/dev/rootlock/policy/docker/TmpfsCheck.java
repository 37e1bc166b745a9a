package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A tmpfs is where a read-only container still writes, so it is where an attacker drops and runs
 * tools. Docker mounts each tmpfs {@code rw,nosuid,nodev,noexec} by default but with no size limit,
 * so one runaway write can take half the host's memory; {@code exec} or {@code suid} hand back what
 * the defaults took away.
 *
 * <p>Restricted fields: {@code tmpfs}, {@code volumes[*]} with {@code type: tmpfs} ({@code
 * --tmpfs}, {@code --mount type=tmpfs}). Every writable tmpfs must have a non-zero size ({@code
 * size=} or {@code tmpfs.size}/{@code tmpfs-size}); no tmpfs may end up {@code exec} or {@code
 * suid} after its options are read in order.
 */
public final class TmpfsCheck implements Check<ContainerConfig> {

  public static final String ID = "tmpfs";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Every tmpfs must have a size and must not allow exec or suid.",
        VersionedCheck.since(0, TmpfsCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> parts = new ArrayList<>();
    Set<FieldPath> fields = new LinkedHashSet<>();
    part(config, m -> !m.readOnly() && !m.bounded(), "must set a size on", "", parts, fields);
    part(config, TmpfsMount::exec, "must not mount", " with exec", parts, fields);
    part(config, TmpfsMount::suid, "must not mount", " with suid", parts, fields);
    if (parts.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "unrestricted tmpfs",
        String.join("; ", parts),
        List.of(config.name()),
        List.copyOf(fields));
  }

  private static void part(
      ContainerConfig config,
      Predicate<TmpfsMount> bad,
      String verb,
      String suffix,
      List<String> parts,
      Set<FieldPath> fields) {
    List<String> targets = new ArrayList<>();
    for (TmpfsMount mount : config.tmpfs()) {
      if (bad.test(mount)) {
        targets.add(mount.target());
        fields.add(mount.path());
      }
    }
    if (!targets.isEmpty()) {
      parts.add(subject(config) + " " + verb + " tmpfs " + joinQuote(sortedSet(targets)) + suffix);
    }
  }
}
