package dev.rootlock.policy.docker;

import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;

/**
 * An image whose final stage sets no {@code USER}, or sets root, runs as root wherever nobody
 * overrides it: every {@code docker run} and Compose service without {@code user:}, and every pod
 * without {@code runAsUser}. The image is the one place a non-root default can be set for all of
 * them.
 *
 * <p>Restricted field: the final stage's last {@code USER} instruction, inherited through {@code
 * FROM <earlier stage>}. Allowed values: any user part other than {@code root} or a number equal to
 * 0. No {@code USER} at all fails, even though an external base image may set one, because the file
 * does not say so.
 */
public final class DockerfileUserCheck implements Check<DockerfileImage> {

  public static final String ID = "dockerfileUser";

  @Override
  public CheckDefinition<DockerfileImage> definition() {
    return CheckDefinition.of(
        ID,
        Level.RESTRICTED,
        "A Dockerfile's final stage must set a non-root USER.",
        VersionedCheck.since(0, DockerfileUserCheck::v1_0));
  }

  static CheckResult v1_0(DockerfileImage image) {
    String user = image.user() == null ? "" : image.user().trim();
    String detail;
    if (user.isEmpty()) {
      detail = image.displayName() + " must set USER to a non-root UID";
    } else if (ContainerConfig.isRootUser(user)) {
      detail = image.displayName() + " must not set USER " + user;
    } else {
      return CheckResult.ALLOWED;
    }
    // A Dockerfile stage is not a container: the object's name (the stage) already says which.
    return CheckResult.forbidden("root user", detail, List.of(), List.of(DockerfileImage.USER));
  }
}
