package dev.rootlock.docker;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an image's config that decide what it writes: user, working directory, environment,
 * entrypoint/command and declared volumes. Empty strings and lists mean unset.
 */
public record ImageConfig(
    String id,
    String user,
    String workingDir,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    Set<String> volumes) {

  public ImageConfig {
    user = user == null ? "" : user;
    workingDir = workingDir == null ? "" : workingDir;
    env = List.copyOf(env);
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    volumes = Set.copyOf(volumes);
  }

  /** The value of environment variable {@code name}, if the image sets it. */
  public Optional<String> envValue(String name) {
    String prefix = name + "=";
    return env.stream()
        .filter(e -> e.startsWith(prefix))
        .map(e -> e.substring(prefix.length()))
        .findFirst();
  }
}
