package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's proof tests for {@code docker discover}: each line it prints is run exactly as printed
 * (through bash) on the real engine and must stay up with a read-only root; the printed Compose
 * file runs under Debian's docker-compose.
 */
@ExtendWith(RealEngine.class)
class DiscoverProvenLinesIT {

  @TempDir Path dir;

  @Test
  void nginxIsProvenAsRootWithItsCapabilitiesAndAsNonRootAndBothLinesRunAsPrinted()
      throws Exception {
    CliRun run = CliRun.of("docker", "discover", "rootlock-test/nginx");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "\n== PROVEN by trial 1: as root (the image's user) with --cap-add CHOWN,"
                + " SETGID, SETUID ==\n")
        .contains(
            "\n== PROVEN by trial 2: as non-root 33:33 (the user its workers ran as),"
                + " no capabilities ==\n")
        .contains("              add: [\"CHOWN\", \"SETGID\", \"SETUID\", \"NET_BIND_SERVICE\"]\n")
        .contains("            runAsUser: 33\n            runAsGroup: 33\n");
    List<String> lines = dockerRunLines(run.out());
    assertThat(lines)
        .containsExactly(
            "docker run -d --read-only --tmpfs /run:rw,noexec,nosuid,nodev,size=16m"
                + " --tmpfs /var/lib/nginx:rw,noexec,nosuid,nodev,size=256m"
                + " --tmpfs /var/log/nginx:rw,noexec,nosuid,nodev,size=256m --cap-drop ALL"
                + " --cap-add CHOWN --cap-add SETGID --cap-add SETUID --security-opt"
                + " no-new-privileges --network none rootlock-test/nginx",
            "docker run -d --read-only --tmpfs /run:rw,noexec,nosuid,nodev,size=16m,uid=33,gid=33"
                + " --tmpfs /var/lib/nginx:rw,noexec,nosuid,nodev,size=256m,uid=33,gid=33"
                + " --tmpfs /var/log/nginx:rw,noexec,nosuid,nodev,size=256m,uid=33,gid=33"
                + " --cap-drop ALL --security-opt no-new-privileges --user 33:33 --network none"
                + " rootlock-test/nginx");
    for (String line : lines) {
      assertStaysUpReadOnly(line);
    }
  }

  @Test
  void anImageThatChownsAndDropsIsProvenWithItsCapabilitiesAndTheNonRootTryIsExplained()
      throws Exception {
    CliRun run = CliRun.of("docker", "discover", "rootlock-test/busybox-chown");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "\n== PROVEN by trial 1: as root (the image's user) with --cap-add CHOWN,"
                + " SETGID, SETUID ==\n")
        .contains(
            "\n== NOT PROVEN: as non-root 1000:1000, no capabilities ==\n"
                + "# why: trial 2 exited with status 1; last log lines: su: must be suid to work"
                + " properly\n");
    List<String> lines = dockerRunLines(run.out());
    assertThat(lines.get(0))
        .isEqualTo(
            "docker run -d --read-only"
                + " --tmpfs /var/cache/app:rw,noexec,nosuid,nodev,size=256m --cap-drop ALL"
                + " --cap-add CHOWN --cap-add SETGID --cap-add SETUID --security-opt no-new-privileges"
                + " --network none rootlock-test/busybox-chown");
    assertStaysUpReadOnly(lines.get(0));
  }

  @Test
  void aUserGivenWithDashUIsCarriedThroughEveryOutputAndTheComposeFileRuns() throws Exception {
    CliRun run =
        CliRun.of(
            "docker", "discover", "-u", "1000", "--duration", "4s", "rootlock-test/busybox-app");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("\n== PROVEN by trial ")
        .contains("    user: \"1000\"\n")
        .contains(
            """
                        runAsUser: 1000
                        runAsGroup: 1000
                        runAsNonRoot: true
            """)
        .doesNotContain("== NOT PROVEN");
    List<String> lines = dockerRunLines(run.out());
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains(
            " --cap-drop ALL --security-opt no-new-privileges"
                + " --user 1000 --network none rootlock-test/busybox-app");
    assertStaysUpReadOnly(lines.get(0));

    if (!Shell.composeInstalled()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but Debian's docker-compose is missing");
      }
      System.err.println(
          "!!!!! SKIPPING the docker-compose half of "
              + getClass().getSimpleName()
              + ": docker-compose is not installed (scripts/test installs it) !!!!!");
      return;
    }
    String compose = between(run.out(), "# docker compose (the same settings)\n", "# Kubernetes");
    Files.writeString(dir.resolve("docker-compose.yml"), compose);
    String project = "rl-pd-" + ProcessHandle.current().pid();
    List<String> base =
        List.of(
            "docker-compose", "-p", project, "-f", dir.resolve("docker-compose.yml").toString());
    try {
      Shell up = Shell.run(dir, concat(base, "up", "-d"));
      assertThat(up.exitCode()).as(up.out()).isZero();
      Thread.sleep(3000);
      String id = Shell.run(dir, concat(base, "ps", "-q", "app")).out();
      assertThat(Shell.stateOf(id)).isEqualTo("true true 0 1000");
      assertThat(Shell.docker("logs", id)).contains("app: started as 1000");
    } finally {
      Shell.run(dir, concat(base, "down", "-v", "-t", "1"));
    }
  }

  /** Runs {@code line} through bash exactly as printed; it must stay up read-only. */
  private static void assertStaysUpReadOnly(String line) throws InterruptedException {
    Shell started = Shell.bash(line);
    assertThat(started.exitCode()).as(line + "\n" + started.out()).isZero();
    String id = started.out().lines().reduce((a, b) -> b).orElseThrow();
    try {
      Thread.sleep(3000);
      assertThat(Shell.stateOf(id))
          .as(line + "\n" + Shell.docker("logs", id))
          .startsWith("true true 0");
    } finally {
      Shell.docker("rm", "-f", id);
    }
  }

  private static List<String> dockerRunLines(String out) {
    return out.lines().filter(l -> l.startsWith("docker run ")).toList();
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private static List<String> concat(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
