package dev.rootlock.policy.docker;

import static dev.rootlock.policy.docker.Wording.field;
import static dev.rootlock.policy.docker.Wording.setting;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;

/**
 * A process running as root owns everything a read-only root filesystem leaves writable and is one
 * kernel bug away from the host. Docker runs the image's {@code USER}, which is root unless the
 * image says otherwise, so restricted containers must name a non-root user themselves: Docker's
 * counterpart of Pod Security's {@code runAsNonRoot} and {@code runAsUser} checks.
 *
 * <p>Restricted field: {@code user} ({@code --user}, {@code Config.User}), written {@code name},
 * {@code uid}, {@code name:group} or {@code uid:gid}. Allowed values: any user part other than
 * {@code root} or a number equal to 0 (a {@code ${VAR}} left by interpolation is taken at its
 * word). Unset or empty fails.
 */
public final class UserCheck implements Check<ContainerConfig> {

  public static final String ID = "user";

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "Containers must run as an explicit non-root user.",
        VersionedCheck.since(0, UserCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    String user = config.user() == null ? "" : config.user().trim();
    String detail;
    if (user.isEmpty()) {
      detail =
          subject(config) + " must set " + field(config, DockerField.USER) + " to a non-root UID";
    } else if (ContainerConfig.isRootUser(user)) {
      detail = subject(config) + " must not set " + setting(config, DockerField.USER, user);
    } else {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "root user", detail, List.of(config.name()), List.of(DockerField.USER.path()));
  }
}
