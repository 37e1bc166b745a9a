package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rootlock scan} reads a Compose file as {@code docker compose} run in its directory would:
 * interpolated with the project's {@code .env}, every finding saying which value made it fail.
 */
class ComposeProjectScanTest {

  @TempDir Path project;

  private static final String HARDENED =
      "    read_only: true\n"
          + "    cap_drop: [ALL]\n"
          + "    security_opt: [no-new-privileges:true]\n";

  @Test
  void interpolatedDefaultsThatMakeAServiceFailAreFindings() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  api:\n"
            + "    image: example/api:1\n"
            + HARDENED
            + "    privileged: \"${RL_CR_P:-true}\"\n"
            + "    network_mode: \"${RL_CR_NET:-host}\"\n"
            + "    user: \"${RL_CR_APP_UID:-0}\"\n"
            + "    volumes: [\"cfg:${RL_CR_T:-/etc}\"]\n");

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "compose.yaml:7:5 service/api api privileged: service \"api\" must not set"
                + " privileged: true",
            "compose.yaml:8:5 service/api api hostNamespaces: service \"api\" must not set"
                + " network_mode: host",
            "compose.yaml:9:5 service/api api user: service \"api\" must not set user: 0",
            "compose.yaml:10:15 service/api api systemPathMounts: service \"api\" must mount"
                + " \"/etc\" read-only",
            "privileged: \"${RL_CR_P:-true}\" reads \"true\": RL_CR_P is not set, so its default"
                + " \"true\" applies");
  }

  @Test
  void readOnlyFromADefaultPasses() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  api:\n"
            + "    image: example/api:1\n"
            + "    read_only: \"${RL_CR_RO:-true}\"\n"
            + "    cap_drop: [ALL]\n"
            + "    security_opt: [no-new-privileges:true]\n"
            + "    user: \"10001\"\n");

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.out()).contains("1 object scanned, none violate hardened:latest");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void theProjectsDotEnvSetsVariablesAndIsNamedInTheNote() throws Exception {
    Files.writeString(project.resolve(".env"), "# project settings\nRL_CR_APP_UID=0\n");
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  api:\n"
            + "    image: example/api:1\n"
            + HARDENED
            + "    user: \"${RL_CR_APP_UID:-10001}\"\n");

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "compose.yaml:7:5 service/api api user: service \"api\" must not set user: 0",
            "\"${RL_CR_APP_UID:-10001}\" reads \"0\": RL_CR_APP_UID=0 from ")
        .contains(".env:2");
  }

  @Test
  void anEngineRefusedCapabilityIsAnInputError() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n  api:\n    image: example/api:1\n    read_only: true\n"
            + "    cap_drop: [CAP_ALL]\n    user: \"10001\"\n");

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains(
            "compose.yaml:5:16: error: cap_drop[0]: invalid CapDrop: unknown capability:"
                + " \"CAP_ALL\"");
  }
}
