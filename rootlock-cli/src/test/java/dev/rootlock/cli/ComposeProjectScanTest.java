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
      """
          read_only: true
          cap_drop: [ALL]
          security_opt: [no-new-privileges:true]
      """;

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
        """
        services:
          api:
            image: example/api:1
            read_only: "${RL_CR_RO:-true}"
            cap_drop: [ALL]
            security_opt: [no-new-privileges:true]
            user: "10001"
        """);

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
    // The finding points at the .env line that set the value; the note says how it was read.
    assertThat(run.out())
        .contains(
            project.resolve(".env")
                + ":2:1 service/api api user: service \"api\" must not set user: 0",
            "\"${RL_CR_APP_UID:-10001}\" reads \"0\": RL_CR_APP_UID=0 from "
                + project.resolve(".env")
                + ":2");
  }

  private static final String API =
      "services:\n  api:\n    image: example/api:1\n"
          + HARDENED
          + "    user: \"${RL_CR_UID:-10001}\"\n";

  @Test
  void aDirectoryScanMergesTheOverrideFileAsDockerComposeUpDoes() throws Exception {
    Files.writeString(project.resolve("compose.yaml"), API);
    Files.writeString(
        project.resolve("compose.override.yaml"),
        "services:\n  api:\n    privileged: true\n    network_mode: host\n");

    CliRun run = CliRun.of("scan", "--color=never", project.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            project.resolve("compose.override.yaml")
                + ":3:5 service/api api privileged: service \"api\" must not set privileged:"
                + " true",
            project.resolve("compose.override.yaml")
                + ":4:5 service/api api hostNamespaces: service \"api\" must not set"
                + " network_mode: host",
            "1 object scanned, 1 violates hardened:latest (2 findings)");
  }

  @Test
  void aComposeFileNamedAloneIsReadAloneAsDockerComposeDashF() throws Exception {
    Files.writeString(project.resolve("compose.yaml"), API);
    Files.writeString(
        project.resolve("compose.override.yaml"), "services:\n  api:\n    privileged: true\n");

    CliRun run = CliRun.of("scan", "--color=never", project.resolve("compose.yaml").toString());

    assertThat(run.out()).contains("1 object scanned, none violate hardened:latest");
    assertThat(run.exitCode()).isEqualTo(0);
  }

  @Test
  void composeFilesAreMergedInOrderAndEnvFileReplacesDotEnv() throws Exception {
    Files.writeString(project.resolve("compose.yaml"), API);
    Files.writeString(project.resolve("prod.yaml"), "services:\n  api:\n    pid: host\n");
    Files.writeString(project.resolve(".env"), "RL_CR_UID=10002\n");
    Files.writeString(project.resolve("prod.env"), "# production\nRL_CR_UID=0\n");

    CliRun run =
        CliRun.of(
            "scan",
            "--color=never",
            "--compose-file",
            project.resolve("compose.yaml").toString(),
            "--compose-file",
            project.resolve("prod.yaml").toString(),
            "--env-file",
            project.resolve("prod.env").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            project.resolve("prod.yaml")
                + ":3:5 service/api api hostNamespaces: service \"api\" must not set pid: host",
            project.resolve("prod.env")
                + ":2:1 service/api api user: service \"api\" must not set user: 0",
            "1 object scanned, 1 violates hardened:latest (2 findings)");
  }

  @Test
  void aMissingEnvFileIsAnInputError() throws Exception {
    Files.writeString(project.resolve("compose.yaml"), API);
    String missing = project.resolve("nope.env").toString();

    CliRun run =
        CliRun.of(
            "scan",
            "--color=never",
            "--env-file",
            missing,
            project.resolve("compose.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(missing + ": error: --env-file: no such file");
  }

  @Test
  void anEngineRefusedCapabilityIsAnInputError() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        """
        services:
          api:
            image: example/api:1
            read_only: true
            cap_drop: [CAP_ALL]
            user: "10001"
        """);

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains(
            "compose.yaml:5:16: error: cap_drop[0]: invalid CapDrop: unknown capability:"
                + " \"CAP_ALL\"");
  }

  @Test
  void aVariableWithNoValueHereIsEvaluatedBothWaysAndTheFindingSaysWhichValueFails()
      throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n  api:\n    image: example/api:1\n"
            + HARDENED
            + "    user: \"10001\"\n"
            + "    network_mode: \"${RL_CR_NET}\"\n"
            + "    pid: \"${RL_CR_DEBUG:+host}\"\n");

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "compose.yaml:8:5 service/api api hostNamespaces: service \"api\" must not set"
                + " network_mode: host when RL_CR_NET is set to \"host\" (RL_CR_NET is not set"
                + " here and no default is written)",
            "compose.yaml:9:5 service/api api hostNamespaces: service \"api\" must not set"
                + " pid: host when RL_CR_DEBUG is set to \"true\" (RL_CR_DEBUG is not set here"
                + " and no default is written)",
            "1 object scanned, 1 violates hardened:latest (2 findings)");
  }

  @Test
  void aWrittenDefaultThatPassesIsTheValueAndTheOtherWayIsANote() throws Exception {
    Path compose = project.resolve("compose.yaml");
    Files.writeString(
        compose,
        """
        services:
          api:
            image: example/api:1
            read_only: "${RL_CR_RO:-true}"
            cap_drop: [ALL]
            security_opt: [no-new-privileges:true]
            user: "${RL_CR_UID:-10001}"
        """);

    CliRun run = CliRun.of("scan", "--color=never", compose.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains(
            "service/api note: read_only: readOnly would fail when RL_CR_RO is set"
                + " to \"false\"",
            "service/api note: user: user would fail when RL_CR_UID is set to \"0\"",
            "1 object scanned, none violate hardened:latest");
  }
}
