package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --version} alone builds no verb's model (Main's start-up path) and prints the same. */
class VersionStartTest {

  @Test
  void shortAndLongVersionPrintTheSameTwoLines() {
    CliRun longForm = CliRun.of("--version");
    CliRun shortForm = CliRun.of("-V");

    assertThat(longForm.exitCode()).isZero();
    assertThat(shortForm.exitCode()).isZero();
    assertThat(shortForm.out()).isEqualTo(longForm.out());
    assertThat(longForm.out())
        .isEqualTo(
            "rootlock dev\nJava %s (%s)\n"
                .formatted(Runtime.version(), System.getProperty("java.vendor")));
  }

  @Test
  void versionWithAnotherOptionStillKnowsTheVerbs() {
    CliRun run = CliRun.of("--version", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("scan").contains("webhook");
  }
}
