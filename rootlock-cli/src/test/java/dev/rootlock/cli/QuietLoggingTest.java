package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-java logs through SLF4J; without a binding SLF4J prints its own warnings ("No SLF4J
 * providers were found", "Failed to load class org.slf4j.impl.StaticLoggerBinder") straight to the
 * process's stderr, past rootlock's error handling. A fresh JVM on the CLI's classpath shows
 * exactly what a user sees when the Docker client starts and fails.
 */
class QuietLoggingTest {

  @TempDir Path dir;

  @Test
  void aDockerVerbPrintsOnlyItsOwnErrorLine() throws Exception {
    String socket = "unix://" + dir.resolve("docker.sock");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "docker",
                    "audit"))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("DOCKER_HOST", socket);

    Process audit = builder.start();

    assertThat(audit.waitFor(60, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    assertThat(Files.readString(out)).isEmpty();
    assertThat(Files.readString(err))
        .isEqualTo(
            "error: no Docker engine answers at "
                + socket
                + " (No such file or directory):"
                + " start dockerd, or point DOCKER_HOST at a running engine\n");
    assertThat(audit.exitValue()).isEqualTo(2);
  }
}
