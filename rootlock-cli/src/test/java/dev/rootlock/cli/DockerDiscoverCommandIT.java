package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code rootlock docker discover} against a real engine, with the busybox test app. */
@ExtendWith(RealEngine.class)
class DockerDiscoverCommandIT {

  /** The label every discover container carries (docs/discover-output.md). */
  private static final String DISCOVER_LABEL = "dev.rootlock.discover";

  private static final Pattern RUN_ID = Pattern.compile("\"runId\" : \"([0-9a-f]+)\"");

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();

  @TempDir Path dir;

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void provesRunAndTmpRefusesEtcWritesThePathsFileAndLeavesNothingBehind() throws Exception {
    Path paths = dir.resolve("paths.json");

    CliRun run =
        CliRun.of(
            "docker",
            "discover",
            "--duration",
            "3s",
            "--paths-out",
            paths.toString(),
            "rootlock-test/busybox-app:latest");

    assertThat(run.out())
        .startsWith("rootlock docker discover rootlock-test/busybox-app:latest (run ")
        .containsPattern(
            "\n== PROVEN by trial \\d: as root \\(the image's user\\), no" + " capabilities ==\n")
        .contains("\n  REFUSED /etc: /etc holds identity (passwd, shadow)")
        .contains(
            "\ndocker run -d --read-only --tmpfs /run:rw,noexec,nosuid,nodev,size=16m"
                + " --tmpfs /tmp:rw,noexec,nosuid,nodev,size=64m --cap-drop ALL --security-opt"
                + " no-new-privileges --network none rootlock-test/busybox-app:latest\n");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    String json = Files.readString(paths);
    assertThat(json)
        .startsWith("{\n  \"kind\" : \"rootlock.discover\",\n  \"version\" : 1,\n")
        .contains("\"proven\" : true")
        .contains("\"path\" : \"/run\"", "\"path\" : \"/tmp\"", "\"path\" : \"/etc\"");
    Matcher runId = RUN_ID.matcher(json);
    assertThat(runId.find()).isTrue();
    assertThat(engine.containersLabelled(DISCOVER_LABEL, runId.group(1))).isEmpty();
  }

  @Test
  void jsonFormatPrintsThePathsDocument() {
    CliRun run =
        CliRun.of(
            "docker",
            "discover",
            "-f",
            "json",
            "--duration",
            "2s",
            "--max-trials",
            "3",
            "rootlock-test/busybox-app:latest");

    assertThat(run.out()).startsWith("{\n  \"kind\" : \"rootlock.discover\",\n").endsWith("}\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void anImageThatIsNotLocalIsNeverPulled() {
    String image = "rootlock-test/absent:" + ProcessHandle.current().pid();

    CliRun run = CliRun.of("docker", "discover", image);

    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: image "
                + image
                + " is not present locally, and rootlock never pulls: run"
                + " `docker pull "
                + image
                + "` (or build it) first\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void anImageThatFailsEvenWithAWritableRootIsReportedWithItsLogs() {
    CliRun run =
        CliRun.of(
            "docker",
            "discover",
            "--duration",
            "3s",
            "--cmd",
            "sh -c 'echo broken config >&2; exit 3'",
            "rootlock-test/busybox:latest");

    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "error: rootlock-test/busybox:latest exits with status 3 even"
                + " with a writable root file system, and its logs name no path it could not write, so"
                + " there is nothing to harden yet. Last log lines:\nbroken config\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }
}
