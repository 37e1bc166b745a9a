package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an engine, every verb that needs one fails with the same single line and exit 2. The
 * engine is chosen the way docker-java chooses it: a DOCKER_HOST system property overrides the
 * environment, which a test can set and restore.
 */
class DockerEngineUnreachableTest {

  @TempDir Path dir;

  private String socket;
  private String previous;

  @BeforeEach
  void pointDockerHostAtNothing() {
    socket = "unix://" + dir.resolve("docker.sock");
    previous = System.setProperty("DOCKER_HOST", socket);
  }

  @AfterEach
  void restoreDockerHost() {
    if (previous == null) {
      System.clearProperty("DOCKER_HOST");
    } else {
      System.setProperty("DOCKER_HOST", previous);
    }
  }

  private String expected() {
    return "error: no Docker engine answers at "
        + socket
        + " (No such file or directory): start"
        + " dockerd, or point DOCKER_HOST at a running engine\n";
  }

  @Test
  void auditSaysNoEngineAnswers() {
    CliRun run = CliRun.of("docker", "audit");

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(expected());
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void verifySaysNoEngineAnswers() {
    CliRun run = CliRun.of("docker", "verify", "web");

    assertThat(run.err()).isEqualTo(expected());
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void discoverSaysNoEngineAnswers() {
    CliRun run = CliRun.of("docker", "discover", "nginx");

    assertThat(run.err()).isEqualTo(expected());
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void lintNeedsNoEngine() {
    CliRun run = CliRun.of("docker", "lint", "--", "docker", "run", "nginx");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
  }
}
