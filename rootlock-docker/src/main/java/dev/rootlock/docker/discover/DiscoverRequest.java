package dev.rootlock.docker.discover;

import java.time.Duration;
import java.util.List;

/**
 * What {@code rootlock docker discover} was asked: the image, an optional command, environment and
 * user override, an optional exercise command run inside the container ({@code sh -c}), how long to
 * watch each run, the trial limit, and the network ({@code none} unless told otherwise).
 */
public record DiscoverRequest(
    String image,
    List<String> cmd,
    List<String> env,
    String user,
    String exercise,
    Duration duration,
    int maxTrials,
    String network) {

  public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_TRIALS = 5;

  public DiscoverRequest {
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    user = user == null ? "" : user;
    exercise = exercise == null ? "" : exercise;
    duration = duration == null ? DEFAULT_DURATION : duration;
    network = network == null || network.isBlank() ? "none" : network;
    if (maxTrials < 1) {
      throw new IllegalArgumentException("--max-trials must be at least 1, got " + maxTrials);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be positive, got " + duration);
    }
  }

  /** The defaults for everything but the image. */
  public static DiscoverRequest of(String image) {
    return new DiscoverRequest(
        image, List.of(), List.of(), "", "", DEFAULT_DURATION, DEFAULT_MAX_TRIALS, "none");
  }

  public DiscoverRequest withUser(String newUser) {
    return new DiscoverRequest(image, cmd, env, newUser, exercise, duration, maxTrials, network);
  }

  public DiscoverRequest withDuration(Duration newDuration) {
    return new DiscoverRequest(image, cmd, env, user, exercise, newDuration, maxTrials, network);
  }

  public DiscoverRequest withExercise(String command) {
    return new DiscoverRequest(image, cmd, env, user, command, duration, maxTrials, network);
  }
}
