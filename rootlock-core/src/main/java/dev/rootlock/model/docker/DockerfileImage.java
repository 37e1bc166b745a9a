package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;
import java.util.List;

/**
 * What a Dockerfile's final stage builds, as far as the file itself tells: the user it runs as and
 * the paths it declares as volumes, each including what the stage inherits from earlier stages of
 * the same file ({@code FROM build AS final} keeps {@code build}'s {@code USER} and {@code
 * VOLUME}s). What an external base image sets is unknown here.
 *
 * <p>Field paths: {@link #USER} for the effective {@code USER} instruction, {@code VOLUME[i]} for
 * the i-th volume path; the root is the final {@code FROM}.
 *
 * @param stageName the final stage's {@code AS} name, or null when it has none
 * @param stageIndex the final stage's index, counted from 0 as {@code COPY --from=0} counts
 * @param baseImage the final {@code FROM}'s image as written (possibly an earlier stage's name)
 * @param user the effective {@code USER} with build arguments and environment substituted where the
 *     file gives their values, or null when no stage in the chain sets one
 * @param volumes the effective {@code VOLUME} paths in declaration order
 */
public record DockerfileImage(
    String stageName, int stageIndex, String baseImage, String user, List<String> volumes) {

  public static final FieldPath USER = FieldPath.of("USER");
  public static final String VOLUME = "VOLUME";

  public DockerfileImage {
    volumes = List.copyOf(volumes);
  }

  /** {@code stage "runtime"}, or {@code stage 1} for an unnamed stage. */
  public String displayName() {
    return stageName == null ? "stage " + stageIndex : "stage \"" + stageName + "\"";
  }

  /** The path of the i-th volume. */
  public static FieldPath volumePath(int index) {
    return FieldPath.of(VOLUME).index(index);
  }
}
