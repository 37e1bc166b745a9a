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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code rootlock docker audit} against a real engine: a hardened and a plain container. */
@ExtendWith(RealEngine.class)
class DockerAuditCommandIT {

  private static final String IMAGE = "rootlock-test/busybox:latest";

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TestContainers containers = new TestContainers(engine);
  private final String hardened = "rl-audit-ro-" + containers.runId();
  private final String plain = "rl-audit-plain-" + containers.runId();

  @BeforeEach
  void startAHardenedAndAPlainContainer() {
    containers.start(
        new ContainerSpec(
            hardened,
            IMAGE,
            List.of("sleep", "300"),
            List.of(),
            "1000",
            true,
            Map.of("/tmp", "rw,noexec,nosuid,size=8m"),
            "none",
            List.of("ALL"),
            List.of("no-new-privileges"),
            Map.of()));
    containers.start(
        new ContainerSpec(
            plain,
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
  }

  @AfterEach
  void nothingLeftBehind() {
    containers.close();
    engine.close();
  }

  @Test
  void listsBothContainersWithTheirSettingsAndExitsOneForThePlainOne() {
    CliRun run =
        CliRun.of("docker", "audit", "-f", "wide", "--filter", "label=" + containers.label());

    assertThat(run.out())
        .isEqualTo(
            """
            NAME                      IMAGE                          READONLY   USER     PRIVILEGED   CAPDROP   NO-NEW-PRIVS   SECCOMP   WRITABLE MOUNTS                        FAILING CHECKS
            rl-audit-plain-RUNID      rootlock-test/busybox:latest   false      <none>   false        <none>    false          default   <none>                                 capabilities_restricted,noNewPrivileges,user,readOnly
            rl-audit-ro-RUNID         rootlock-test/busybox:latest   true       1000     false        ALL       true           default   tmpfs:/tmp[rw,noexec,nosuid,size=8m]   <none>

            capabilities_restricted: container "rl-audit-plain-RUNID" must set HostConfig.CapDrop=[ALL]
            noNewPrivileges: container "rl-audit-plain-RUNID" must set HostConfig.SecurityOpt=[no-new-privileges]
            user: container "rl-audit-plain-RUNID" must set Config.User to a non-root UID
            readOnly: container "rl-audit-plain-RUNID" must set HostConfig.ReadonlyRootfs=true
            2 containers audited, 1 violates hardened:latest (4 findings)
            """
                .replace("RUNID   ", containers.runId())
                .replace("RUNID", containers.runId()));
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theDefaultTableIsNarrowAndNamesTheFirstFailingCheckAndHowManyMore() {
    CliRun run = CliRun.of("docker", "audit", "--filter", "label=" + containers.label());
    String plain = "rl-audit-plain-" + containers.runId();
    int nameWidth = Math.max(plain.length(), hardened.length());

    List<String> lines = run.out().lines().toList();
    assertThat(lines.subList(0, 3))
        .containsExactly(
            "NAME"
                + " ".repeat(nameWidth - 4 + 3)
                + "IMAGE                          READONLY   CHECKS",
            plain
                + " ".repeat(nameWidth - plain.length() + 3)
                + "rootlock-test/busybox:latest   false      capabilities_restricted +3",
            hardened
                + " ".repeat(nameWidth - hardened.length() + 3)
                + "rootlock-test/busybox:latest   true       <none>");
    assertThat(lines.subList(0, 3)).allMatch(line -> line.length() <= 100);
    assertThat(run.out())
        .endsWith("2 containers audited, 1 violates hardened:latest (4 findings)\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void theHardenedContainerAlonePasses() {
    CliRun run =
        CliRun.of(
            "docker",
            "audit",
            "-f",
            "wide",
            "--filter",
            "label=" + containers.label(),
            "--filter",
            "name=" + hardened);

    assertThat(run.out())
        .endsWith(
            hardened
                + "   rootlock-test/busybox:latest   true       1000   false        ALL       true"
                + "           default   tmpfs:/tmp[rw,noexec,nosuid,size=8m]   <none>\n"
                + "1 container audited, none violate hardened:latest\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void underBaselineThePlainContainerPassesToo() {
    CliRun run =
        CliRun.of("docker", "audit", "-p", "baseline", "--filter", "label=" + containers.label());

    assertThat(run.out()).endsWith("2 containers audited, none violate baseline:latest\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void aStoppedContainerIsAuditedOnlyWithAll() {
    String stopped = "rl-audit-exited-" + containers.runId();
    containers.start(
        new ContainerSpec(
            stopped,
            IMAGE,
            List.of("true"),
            List.of(),
            "",
            false,
            Map.of(),
            "none",
            List.of(),
            List.of(),
            Map.of()));
    DockerCli.run("wait", stopped);

    CliRun running = CliRun.of("docker", "audit", "--filter", "label=" + containers.label());
    CliRun all = CliRun.of("docker", "audit", "--all", "--filter", "label=" + containers.label());

    assertThat(running.out()).doesNotContain(stopped).contains("2 containers audited");
    assertThat(all.out())
        .contains("\n" + stopped + "   rootlock-test/busybox:latest   false ")
        .contains("3 containers audited, 2 violate hardened:latest (8 findings)");
  }

  @Test
  void jsonNamesEachContainerDockerColonName() {
    CliRun run =
        CliRun.of("docker", "audit", "-f", "json", "--filter", "label=" + containers.label());

    assertThat(run.out())
        .contains("\"file\": \"docker:" + plain + "\"", "\"file\": \"docker:" + hardened + "\"")
        .contains("\"check\": \"readOnly\"");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
