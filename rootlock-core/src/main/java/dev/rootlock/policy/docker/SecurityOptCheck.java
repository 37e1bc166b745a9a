package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.field;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.SecurityOpts;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Turning off seccomp, AppArmor or SELinux labelling removes the kernel-level confinement Docker
 * applies by default, and {@code systempaths=unconfined} unmasks {@code /proc} and {@code /sys}
 * paths (Pod Security's {@code procMount: Unmasked}).
 *
 * <p>Restricted field: {@code security_opt[*]} ({@code --security-opt}, {@code
 * HostConfig.SecurityOpt}). Forbidden values: the effective (last) {@code seccomp} or {@code
 * apparmor} entry set to {@code unconfined}; any {@code label=disable} (or the daemon's bare {@code
 * disable}); any {@code systempaths=unconfined}. Either separator, {@code =} or the deprecated
 * {@code :}, counts. Messages quote the entries as written.
 */
public final class SecurityOptCheck implements Check<ContainerConfig> {

  public static final String ID = "securityOpt";

  private static final String UNCONFINED = "unconfined";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Containers must not disable seccomp, AppArmor, SELinux labelling or /proc masking.",
        VersionedCheck.since(0, SecurityOptCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<SecurityOpt> bad = unconfining(config.securityOpts());
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> written = bad.stream().map(SecurityOpt::written).toList();
    List<FieldPath> fields = bad.stream().map(SecurityOpt::path).toList();
    return CheckResult.forbidden(
        "unconfined security options",
        subject(config)
            + " must not include "
            + joinQuote(sortedSet(written))
            + " in "
            + field(config, DockerField.SECURITY_OPT),
        List.of(config.name()),
        fields);
  }

  private static List<SecurityOpt> unconfining(SecurityOpts opts) {
    List<SecurityOpt> bad = new ArrayList<>();
    lastIf(opts, SecurityOpt.SECCOMP, UNCONFINED, bad);
    lastIf(opts, SecurityOpt.APPARMOR, UNCONFINED, bad);
    for (SecurityOpt entry : opts.withKey(SecurityOpt.LABEL)) {
      if ("disable".equals(entry.value())) {
        bad.add(entry);
      }
    }
    for (SecurityOpt entry : opts.withKey(SecurityOpt.SYSTEMPATHS)) {
      if (UNCONFINED.equals(entry.value())) {
        bad.add(entry);
      }
    }
    List<SecurityOpt> written = opts.entries();
    // A plain lambda: Comparator.comparingInt's is not in the AOT cache.
    bad.sort((a, b) -> Integer.compare(written.indexOf(a), written.indexOf(b)));
    return bad;
  }

  /** The daemon keeps only the last seccomp/apparmor entry, so only that one can unconfine. */
  private static void lastIf(SecurityOpts opts, String key, String value, List<SecurityOpt> bad) {
    List<SecurityOpt> entries = opts.withKey(key);
    if (!entries.isEmpty() && value.equals(entries.get(entries.size() - 1).value())) {
      bad.add(entries.get(entries.size() - 1));
    }
  }
}
