package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerCommandHelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"lint", "audit", "discover", "verify"})
  void everyVerbExplainsItselfWithExamplesAndExitCodes(String verb) {
    CliRun run = CliRun.of("docker", verb, "--help");

    assertThat(run.out())
        .contains("\nExamples:\n  rootlock docker " + verb)
        .contains("\nExit codes: 0 ");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theDockerGroupListsItsVerbs() {
    CliRun run = CliRun.of("docker", "--help");

    assertThat(run.out())
        .contains(
            "\n  lint      Check a docker run command line and print its hardened equivalent.\n",
            "\n  audit     Check the containers on a Docker host against a policy level.\n",
            "\n  verify    Confirm that a running container's read-only protection is really\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void theDockerGroupAloneIsAUsageError() {
    CliRun run = CliRun.of("docker");

    assertThat(run.err())
        .isEqualTo(
            """
            error: Missing command: choose lint, audit, discover or verify
            See 'rootlock docker --help' for usage.
            """);
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void theRootHelpMentionsTheDockerVerbs() {
    CliRun run = CliRun.of("--help");

    assertThat(run.out())
        .containsPattern("\n  docker +Check docker run lines, audit and verify live containers,")
        .contains(
            "\n  rootlock docker audit                        # every running container here\n");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void aBadFormatForVerifyIsAUsageError() {
    CliRun run = CliRun.of("docker", "verify", "-f", "xml", "web");

    assertThat(run.err())
        .startsWith("error: --format: invalid value \"xml\": must be one of text, wide, json\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void aDurationNeedsAUnit() {
    CliRun run = CliRun.of("docker", "discover", "--duration", "20", "nginx");

    assertThat(run.err())
        .startsWith(
            "error: Invalid value for option '--duration': invalid duration \"20\": write it like"
                + " 20s, 1m30s or 500ms\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void anAuditFilterNeedsAKeyAndAValue() {
    CliRun run = CliRun.of("docker", "audit", "--filter", "web");

    assertThat(run.err())
        .startsWith("error: --filter: bad format of filter \"web\" (expected key=value)\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }
}
