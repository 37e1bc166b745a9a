package dev.rootlock.source.dockerfile;

import dev.rootlock.model.Locator;
import dev.rootlock.model.docker.DockerfileImage;
import java.util.List;

/**
 * A Dockerfile read for checking: its stages as written, what the final stage builds, where each of
 * its fields is, and the notes to show (the paths its {@code VOLUME}s make writable).
 *
 * @param locator positions for {@link DockerfileImage}'s paths: {@code USER}, {@code VOLUME[i]},
 *     and the final {@code FROM} for the root
 * @param notes one line per effective volume path, e.g. {@code VOLUME /data (line 7): Docker mounts
 *     VOLUME paths writable even under --read-only; Kubernetes does not}
 */
public record ParsedDockerfile(
    String file, List<Stage> stages, DockerfileImage image, Locator locator, List<String> notes) {

  public ParsedDockerfile {
    stages = List.copyOf(stages);
    notes = List.copyOf(notes);
  }
}
