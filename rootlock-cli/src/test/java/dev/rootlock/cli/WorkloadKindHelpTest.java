package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The help of every verb that takes {@code --workload-kind} (and fix's, which gained {@code
 * --check}) teaches the flag and fits 80 columns.
 */
class WorkloadKindHelpTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"scan,", "fix,", "kube,audit", "webhook,serve", "webhook,manifests"})
  void helpNamesTheFlagAndFitsEightyColumns(String verb, String sub) {
    CliRun run = sub == null ? CliRun.of(verb, "--help") : CliRun.of(verb, sub, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--workload-kind=<Kind.group=path>");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest(name = "fix --help: {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--check",
        "rootlock fix --check deploy/",
        "0 nothing to change, or --write wrote every change"
      })
  void fixHelpTeachesTheCheckMode(String text) {
    assertThat(CliRun.of("fix", "--help").out().replaceAll("\\s+", " ")).contains(text);
  }
}
