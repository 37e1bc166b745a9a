package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerCli;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.TestContainers;
import dev.rootlock.docker.client.DockerJavaEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rootlock docker verify} against a real engine: a --read-only container and a plain one.
 */
@ExtendWith(RealEngine.class)
class DockerVerifyCommandIT {

  private static final String IMAGE = "rootlock-test/busybox:latest";

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TestContainers containers = new TestContainers(engine);

  @AfterEach
  void nothingLeftBehind() {
    containers.close();
    engine.close();
  }

  private String readOnly() {
    String name = "rl-verify-ro-" + containers.runId();
    containers.start(
        new ContainerSpec(
            name,
            IMAGE,
            List.of("sleep", "300"),
            List.of(),
            "",
            true,
            Map.of("/tmp", "rw,noexec,nosuid,size=8m"),
            "none",
            List.of("ALL"),
            List.of("no-new-privileges"),
            Map.of()));
    return name;
  }

  private String plain() {
    String name = "rl-verify-plain-" + containers.runId();
    containers.start(
        new ContainerSpec(
            name,
            IMAGE,
            List.of("sleep", "300"),
            List.of(),
            "",
            false,
            Map.of(),
            "none",
            List.of(),
            List.of(),
            Map.of()));
    return name;
  }

  @Test
  void aReadOnlyContainerHoldsAndEveryDrillStepIsBlocked() {
    String name = readOnly();

    CliRun run = CliRun.of("docker", "verify", "-f", "wide", "--drill", name);

    assertThat(run.out())
        .startsWith(
            "rootlock docker verify "
                + name
                + " ("
                + IMAGE
                + ", via host /proc)\n"
                + "  root file system   read-only\n"
                + "  uid                0\n"
                + "  CapEff             0000000000000000\n"
                + "  NoNewPrivs         true\n"
                + "  Seccomp            2 (filter)\n"
                + "  writable mounts\n")
        .contains("\n  drill\n    RESULT    ATTEMPT ")
        .containsPattern("\n    blocked   write a file into /etc +.*Read-only file system\n")
        .containsPattern("\n    blocked   write a file into /bin +.*Read-only file system\n")
        .containsPattern(
            "\n    blocked   write and execute a script in /tmp +.*Permission denied\n")
        .containsPattern("\n    blocked   remount read-write / +\\S")
        .doesNotContain("NOT BLOCKED", "PROBLEM")
        .endsWith("\nProtection holds.\n");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aPlainContainerDoesNotHoldAndTheDrillWritesIntoEtc() {
    String name = plain();

    CliRun run = CliRun.of("docker", "verify", "--drill", name);

    assertThat(run.out())
        .contains("\n  root file system   WRITABLE\n")
        .contains("\n    NOT BLOCKED   write a file into /etc\n")
        .contains("\n    NOT BLOCKED   write a file into /bin\n")
        .endsWith(
            """
              PROBLEM: the root file system is writable (per-mount options of / say rw)
              PROBLEM: drill: write a file into /etc was NOT blocked
              PROBLEM: drill: write a file into /bin was NOT blocked
            Protection does NOT hold: 3 problem(s).
            """);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void withoutTheDrillTheMountsAloneDecide() {
    String ro = readOnly();
    String rw = plain();

    CliRun holds = CliRun.of("docker", "verify", ro);
    CliRun fails = CliRun.of("docker", "verify", "-f", "json", rw);

    assertThat(holds.out()).doesNotContain("drill").endsWith("\nProtection holds.\n");
    assertThat(holds.exitCode()).isZero();
    assertThat(fails.out())
        .startsWith("{\n  \"kind\" : \"rootlock.verify\",\n")
        .contains("\"rootReadOnly\" : false,\n  \"protectionHolds\" : false,\n");
    assertThat(fails.exitCode()).isEqualTo(1);
  }

  @Test
  void aMissingContainerIsOneErrorLine() {
    String missing = "rl-verify-missing-" + containers.runId();

    CliRun run = CliRun.of("docker", "verify", missing);

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: no such container: " + missing + "\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aContainerThatExitedCannotBeVerified() {
    String exited = "rl-verify-exited-" + containers.runId();
    containers.start(
        new ContainerSpec(
            exited,
            IMAGE,
            List.of("sh", "-c", "exit 3"),
            List.of(),
            "",
            false,
            Map.of(),
            "none",
            List.of(),
            List.of(),
            Map.of()));
    DockerCli.run("wait", exited);

    CliRun run = CliRun.of("docker", "verify", exited);

    assertThat(run.err())
        .isEqualTo(
            "error: container "
                + exited
                + " is not running (exit code 3): verify needs a running"
                + " container\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }
}
