package dev.rootlock.policy.docker;

import static dev.rootlock.policy.docker.Wording.listSetting;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;

/**
 * Without {@code no-new-privileges}, a process can gain privileges through set-user-ID binaries and
 * file capabilities: Docker's counterpart of Pod Security's {@code allowPrivilegeEscalation:
 * false}.
 *
 * <p>Restricted field: {@code security_opt[*]} ({@code --security-opt}, {@code
 * HostConfig.SecurityOpt}). The last {@code no-new-privileges} entry must be bare or true: {@code
 * no-new-privileges}, {@code no-new-privileges:true}, {@code no-new-privileges=true} (any value
 * Go's {@code strconv.ParseBool} reads as true). Unset, false or unreadable fails.
 */
public final class NoNewPrivilegesCheck implements Check<ContainerConfig> {

  public static final String ID = "noNewPrivileges";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must set no-new-privileges.",
        VersionedCheck.since(0, NoNewPrivilegesCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    if (Boolean.TRUE.equals(config.securityOpts().noNewPrivileges())) {
      return CheckResult.ALLOWED;
    }
    SecurityOpt entry = config.securityOpts().noNewPrivilegesEntry();
    String wanted =
        config.dialect() == DockerDialect.COMPOSE
            ? "no-new-privileges:true"
            : SecurityOpt.NO_NEW_PRIVILEGES;
    return CheckResult.forbidden(
        "no-new-privileges != true",
        subject(config) + " must set " + listSetting(config, DockerField.SECURITY_OPT, wanted),
        List.of(config.name()),
        List.of(entry == null ? DockerField.SECURITY_OPT.path() : entry.path()));
  }
}
