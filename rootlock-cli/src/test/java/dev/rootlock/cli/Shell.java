package dev.rootlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a line exactly as rootlock printed it, through bash, as a person pasting it would; and the
 * few docker/docker-compose commands the proof tests need to check and clean up after it.
 */
record Shell(int exitCode, String out) {

  static Shell bash(String line) {
    return run(null, List.of("bash", "-c", line));
  }

  static Shell run(Path dir, List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (dir != null) {
        builder.directory(dir.toFile());
      }
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Shell(process.exitValue(), out.strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  static String docker(String... args) {
    Shell shell =
        run(
            null,
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("docker"), java.util.stream.Stream.of(args))
                .toList());
    if (shell.exitCode() != 0) {
      throw new IllegalStateException("docker " + String.join(" ", args) + ": " + shell.out());
    }
    return shell.out();
  }

  /** Whether Debian's docker-compose is installed (scripts/test installs it as root). */
  static boolean composeInstalled() {
    try {
      return run(null, List.of("docker-compose", "version")).exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Waits {@code seconds}, then asserts the container is running, read-only, never restarted;
   * returns the inspect line for messages.
   */
  static String stateOf(String container) {
    return docker(
        "inspect",
        "-f",
        "{{.State.Running}} {{.HostConfig.ReadonlyRootfs}} {{.RestartCount}} {{.Config.User}}",
        container);
  }
}
