package dev.rootlock.docker.trial;

import java.time.Duration;

/**
 * How long and how to watch a trial: at most {@code duration}; {@code exercise} (a {@code sh -c}
 * command run inside once the process settled, empty for none); {@code collectChanges} reads {@code
 * docker diff} and the owners of changed paths (useful for writable runs only); the watch ends
 * early once the process is steady, that is up for {@code quiet} with no new log output, no new
 * bytes on its tmpfs mounts and no change in its listening sockets (twice {@code quiet} when it
 * listens on nothing, since then only silence says it is ready).
 */
public record Watch(Duration duration, String exercise, boolean collectChanges, Duration quiet) {

  public static final Duration DEFAULT_QUIET = Duration.ofMillis(1500);

  public Watch {
    exercise = exercise == null ? "" : exercise;
    quiet = quiet == null ? DEFAULT_QUIET : quiet;
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a watch needs a positive duration, got " + duration);
    }
  }

  /** Up to {@code duration}, no exercise, no diff, ending early when steady. */
  public static Watch upTo(Duration duration) {
    return new Watch(duration, "", false, DEFAULT_QUIET);
  }

  public Watch withExercise(String command) {
    return new Watch(duration, command, collectChanges, quiet);
  }

  public Watch collectingChanges() {
    return new Watch(duration, exercise, true, quiet);
  }

  /** Never ends early: watches the whole duration. */
  public Watch withoutEarlyEnd() {
    return new Watch(duration, exercise, collectChanges, duration.plusSeconds(1));
  }
}
