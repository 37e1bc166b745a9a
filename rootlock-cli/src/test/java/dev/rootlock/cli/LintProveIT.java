package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10's {@code lint --prove} test on five varied run lines: each hardened line parses in a
 * shell, keeps every original flag except those a note says it dropped or changed, is proven by the
 * trial engine, runs exactly as printed (through bash) with a read-only root, and lints clean.
 */
@ExtendWith(RealEngine.class)
class LintProveIT {

  /** Names end in this run's id, so runs that overlap on one engine never share a name. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String VOLUME = "rl-pd-vol1-" + RUN;

  private final List<String> cleanup = new ArrayList<>();

  static Stream<Arguments> lines() throws Exception {
    Path dir = Files.createTempDirectory("rl-pd-config");
    Files.writeString(dir.resolve("app.conf"), "mode=ready\n");
    return Stream.of(
        Arguments.of(
            name(1),
            List.of(
                "-v",
                VOLUME + ":/data",
                "-e",
                "GREETING=hello world",
                "--entrypoint",
                "sh",
                "rootlock-test/busybox",
                "-c",
                "echo \"$GREETING\"; exec sleep 300")),
        Arguments.of(
            name(2),
            List.of(
                "--mount",
                "type=bind,source=" + dir + ",target=/config,readonly",
                "-w",
                "/config",
                "rootlock-test/busybox",
                "sh",
                "-c",
                "cat app.conf; exec sleep 300")),
        Arguments.of(
            name(3),
            List.of(
                "--user",
                "33:33",
                "--tmpfs",
                "/run:uid=33,gid=33",
                "--tmpfs",
                "/var/lib/nginx:uid=33,gid=33",
                "--tmpfs",
                "/var/log/nginx:uid=33,gid=33",
                "--cap-add",
                "NET_BIND_SERVICE",
                "rootlock-test/nginx")),
        Arguments.of(
            name(4),
            List.of(
                "--privileged",
                "--cap-add",
                "ALL",
                "-u",
                "1000:1000",
                "rootlock-test/busybox",
                "httpd",
                "-f",
                "-p",
                "8080",
                "-h",
                "/")),
        Arguments.of(
            name(5),
            List.of(
                "--pid",
                "host",
                "-u",
                "1000:1000",
                "--tmpfs",
                "/tmp:exec,uid=1000,gid=1000",
                "-e",
                "MSG=it's a b",
                "rootlock-test/busybox",
                "sh",
                "-c",
                "while :; do echo \"$MSG\" > /tmp/m; sleep 1; done")));
  }

  @AfterEach
  void removeContainers() {
    for (String name : cleanup) {
      Shell.run(null, List.of("docker", "rm", "-f", "-v", name));
    }
    Shell.run(null, List.of("docker", "volume", "rm", "-f", VOLUME));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void theHardenedLineIsProvenRunsAsPrintedAndLintsClean(String name, List<String> flags)
      throws Exception {
    List<String> original =
        new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--network", "none"));
    original.addAll(flags);
    List<String> lint = new ArrayList<>(List.of("docker", "lint", "--prove", "--"));
    lint.addAll(original);
    cleanup.add(name);

    CliRun run = CliRun.of(lint.toArray(String[]::new));

    assertThat(run.out())
        .as(run.out() + run.err())
        .contains("\nPROVEN: the hardened line ran as\n");
    List<String> out = run.out().lines().toList();
    String line = out.get(out.indexOf("Hardened equivalent:") + 1).strip();
    List<String> notes = out.stream().filter(l -> l.startsWith("  note: ")).toList();
    List<String> words = shellWords(line);
    assertThat(String.join(" ", words.subList(0, 6)))
        .isEqualTo("docker run -d --name " + name + " --network");
    for (String arg : original) {
      if (!words.contains(arg)) {
        assertThat(notes)
            .as("'" + arg + "' is missing from the hardened line and no note says" + " why")
            .anySatisfy(n -> assertThat(n).contains(arg));
      }
    }

    Shell started = Shell.bash(line);
    assertThat(started.exitCode()).as(line + "\n" + started.out()).isZero();
    Thread.sleep(3000);
    assertThat(Shell.stateOf(name))
        .as(line + "\n" + Shell.docker("logs", name))
        .startsWith("true true 0");

    List<String> relint = new ArrayList<>(List.of("docker", "lint", "--"));
    relint.addAll(words);
    CliRun clean = CliRun.of(relint.toArray(String[]::new));
    assertThat(clean.out()).isEqualTo("1 object scanned, none violate hardened:latest\n");
    assertThat(clean.exitCode()).isZero();
  }

  private static String name(int line) {
    return "rl-pd-l" + line + "-" + RUN;
  }

  /** The words bash makes of {@code line}, without running it. */
  private static List<String> shellWords(String line) {
    Shell words =
        Shell.run(
            null,
            List.of(
                "bash",
                "-c",
                "eval \"set -- $LINE\"; printf '%s\\n' \"$@\"".replace("$LINE", "$0"),
                line));
    assertThat(words.exitCode()).as(words.out()).isZero();
    return words.out().lines().toList();
  }

  @org.junit.jupiter.api.Test
  void aHardenedLineWhoseUserCannotWriteItsTmpfsIsNotProven() {
    String name = name(6);
    cleanup.add(name);
    CliRun run =
        CliRun.of(
            "docker",
            "lint",
            "--prove",
            "--",
            "docker",
            "run",
            "-d",
            "--name",
            name,
            "--network",
            "none",
            "rootlock-test/busybox",
            "sh",
            "-c",
            "while :; do echo x > /tmp/m; sleep 1; done");

    assertThat(run.out())
        .contains(
            "\nNOT PROVEN: the hardened line ran as\n"
                + "  docker run -d --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL"
                + " --security-opt no-new-privileges --user 65534:65534 --network none"
                + " rootlock-test/busybox sh -c 'while :; do echo x > /tmp/m; sleep 1; done'\n"
                + "  (left out of the trial, as they do not change what the container may write or do:"
                + " -d --name "
                + name
                + ")\n")
        .contains(
            "  refused operation (mount owner): sh: can't create /tmp/m: Permission denied\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
