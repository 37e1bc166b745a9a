package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) and SIGTERM sent to a real {@code rootlock docker discover} process while one of
 * its trial containers runs on the real engine: the process exits with the signal's status, says
 * which containers it removed, and the engine holds none of them afterwards.
 */
@ExtendWith(RealEngine.class)
class DiscoverInterruptIT {

  /** The label every discover container carries (docs/discover-output.md). */
  private static final String DISCOVER_LABEL = "dev.rootlock.discover";

  private static final Pattern REMOVED =
      Pattern.compile(
          "rootlock: interrupted; removed container\\(s\\) ([0-9a-f, ]+) \\(label "
              + Pattern.quote(DISCOVER_LABEL)
              + "=([0-9a-f]+)\\)");

  private static final Pattern LEFT_BEHIND =
      Pattern.compile(
          "; left behind: container\\(s\\) ([0-9a-f, ]+) \\(remove them with: (docker rm -f -v"
              + " \\$\\(docker ps -aq --filter label="
              + Pattern.quote(DISCOVER_LABEL)
              + "=[0-9a-f]+\\))\\)\n");

  /**
   * An image of this test's own: busybox-app plus a label unique to this test, so it has its own
   * image id and {@code ancestor=} finds only this test's containers (a mere tag would share the
   * id, and the filter, with every other run of busybox-app on the shared engine).
   */
  private final String image =
      "rl-pk-interrupt-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ":latest";

  @TempDir Path dir;

  @BeforeEach
  void buildImage() {
    Shell build =
        Shell.bash(
            "printf 'FROM rootlock-test/busybox-app:latest\\nLABEL dev.rootlock.test=%s\\n' '"
                + image
                + "' | docker build -q -t '"
                + image
                + "' -");
    assertThat(build.exitCode()).as(build.out()).isZero();
    assertThat(Shell.docker("image", "inspect", "-f", "{{.Id}}", image))
        .isNotEqualTo(
            Shell.docker("image", "inspect", "-f", "{{.Id}}", "rootlock-test/busybox-app:latest"));
  }

  @AfterEach
  void removeLeftoversAndTag() {
    String left = Shell.docker("ps", "-aq", "--filter", "ancestor=" + image);
    if (!left.isBlank()) {
      List<String> command = new ArrayList<>(List.of("rm", "-f", "-v"));
      command.addAll(List.of(left.split("\\s+")));
      Shell.docker(command.toArray(String[]::new));
    }
    Shell.docker("rmi", image);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"INT, 130", "TERM, 143"})
  void aSignalDuringATrialRemovesItsContainersAndSaysWhich(String signal, int status)
      throws Exception {
    Path err = dir.resolve("err.txt");
    Process discover =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "docker",
                "discover",
                "--duration",
                "60s",
                image)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    try {
      String running = awaitRunningContainer(discover);

      Shell kill = Shell.run(null, List.of("kill", "-" + signal, Long.toString(discover.pid())));
      assertThat(kill.exitCode()).as(kill.out()).isZero();

      assertThat(discover.waitFor(60, TimeUnit.SECONDS)).as("discover ended").isTrue();
      assertThat(discover.exitValue()).isEqualTo(status);
      String stderr = Files.readString(err);
      Matcher removed = REMOVED.matcher(stderr);
      assertThat(removed.find()).as(stderr).isTrue();
      assertThat(List.of(removed.group(1).split(", "))).contains(running.substring(0, 12));
      assertThat(stderr).doesNotContain("\tat ", "Exception");
      assertThat(
              Shell.docker(
                  "ps", "-aq", "--filter", "label=" + DISCOVER_LABEL + "=" + removed.group(2)))
          .isEmpty();
      assertThat(Shell.docker("ps", "-aq", "--filter", "ancestor=" + image)).isEmpty();
    } finally {
      discover.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @org.junit.jupiter.api.Test
  void anEngineThatDisappearsMidTrialEndsTheRunWithOneLineNamingWhatIsLeft() throws Exception {
    Path err = dir.resolve("err.txt");
    try (EngineProxy proxy = EngineProxy.start(dir.resolve("engine.sock"))) {
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName(),
                  "docker",
                  "discover",
                  "--duration",
                  "60s",
                  image)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(dir.resolve("out.txt").toFile())
              .redirectError(err.toFile());
      builder.environment().put("DOCKER_HOST", proxy.dockerHost());
      Process discover = builder.start();
      try {
        String running = awaitRunningContainer(discover);

        proxy.kill();

        assertThat(discover.waitFor(120, TimeUnit.SECONDS)).as("discover ended").isTrue();
        String stderr = Files.readString(err);
        assertThat(discover.exitValue()).isEqualTo(2);
        assertThat(stderr).doesNotContain("\tat ", "Exception");
        assertThat(stderr.lines()).hasSize(1);
        Matcher left = LEFT_BEHIND.matcher(stderr);
        assertThat(left.find()).as(stderr).isTrue();
        assertThat(List.of(left.group(1).split(", "))).contains(running.substring(0, 12));
        assertThat(stderr).startsWith("error: no Docker engine answers at " + proxy.dockerHost());

        // The engine is back (the real socket): the printed command removes what was left.
        Shell removal = Shell.bash(left.group(2));
        assertThat(removal.exitCode()).as(removal.out()).isZero();
        assertThat(Shell.docker("ps", "-aq", "--filter", "ancestor=" + image)).isEmpty();
      } finally {
        discover.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Waits until one of the run's trial containers runs (the probe is created, never started). */
  private String awaitRunningContainer(Process discover) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && discover.isAlive()) {
      String ids =
          Shell.docker(
              "ps",
              "-q",
              "--no-trunc",
              "--filter",
              "ancestor=" + image,
              "--filter",
              "status=running");
      if (!ids.isBlank()) {
        return ids.split("\\s+", -1)[0];
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no trial container ran within 60 s; discover alive: " + discover.isAlive());
  }
}
