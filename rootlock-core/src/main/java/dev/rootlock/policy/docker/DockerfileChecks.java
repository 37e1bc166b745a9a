package dev.rootlock.policy.docker;

import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.Decision;
import java.util.List;

/** Every built-in Dockerfile check, and the one registry built from them. */
public final class DockerfileChecks {

  private static final CheckRegistry<DockerfileImage> REGISTRY =
      CheckRegistry.of(all(), Decision.PolicyName.ROOTLOCK);

  private DockerfileChecks() {}

  public static List<Check<DockerfileImage>> all() {
    return List.of(new DockerfileUserCheck());
  }

  /** The validated registry of {@link #all()}, built once. */
  public static CheckRegistry<DockerfileImage> registry() {
    return REGISTRY;
  }
}
