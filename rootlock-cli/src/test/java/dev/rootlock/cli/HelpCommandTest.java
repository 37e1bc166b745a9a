package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpCommandTest {

  @ParameterizedTest(name = "rootlock help {0}")
  @CsvSource({
    "docker lint, docker lint --help",
    "docker, docker --help",
    "kube audit, kube audit --help",
    "webhook manifests, webhook manifests --help",
    "scan, scan --help",
  })
  void helpFollowsTheWholeCommandPath(String path, String sameAs) {
    CliRun help = CliRun.of(("help " + path).split(" "));
    CliRun flag = CliRun.of(sameAs.split(" "));

    assertThat(help.out()).isEqualTo(flag.out()).contains("\nUsage: rootlock " + path + " [");
    assertThat(help.exitCode()).isZero();
  }

  @Test
  void helpAloneShowsTheRootHelp() {
    assertThat(CliRun.of("help").out()).isEqualTo(CliRun.of("--help").out());
  }

  @Test
  void anUnknownSubcommandIsAUsageErrorThatNamesIt() {
    CliRun run = CliRun.of("help", "docker", "lnt");

    assertThat(run.err())
        .startsWith("error: Unknown command: 'docker lnt' (no 'lnt' in 'rootlock docker')\n");
    assertThat(run.exitCode()).isEqualTo(2);
  }
}
