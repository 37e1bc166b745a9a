package dev.rootlock.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command, for tests that need a container with flags rootlock's own {@link
 * ContainerSpec} never sets (host namespaces, devices, binds). It comes with every engine that
 * scripts/docker-engine installs.
 */
public final class DockerCli {

  private DockerCli() {}

  /**
   * Runs {@code docker args...} and returns its trimmed standard output; fails on a non-zero exit.
   */
  public static String run(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output.strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "the docker CLI is needed for this test: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }
}
