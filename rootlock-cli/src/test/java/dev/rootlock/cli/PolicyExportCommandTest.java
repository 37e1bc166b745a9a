package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.export.VapExport;
import dev.rootlock.policy.LevelVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyExportCommandTest {

  private static final String HARDENED = VapExport.yaml(LevelVersion.parse("hardened:latest"));

  @Test
  void printsThePolicyAndBindingsByDefault() {
    CliRun run = CliRun.of("policy", "export");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(HARDENED);
  }

  @Test
  void writesTheFileNamedByDashO(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vap.yaml");
    Files.writeString(file, "old");
    CliRun run = CliRun.of("policy", "export", "-p", "hardened", "--policy-version", "v1.30", "-o",
        file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(VapExport.yaml(LevelVersion.parse("hardened:v1.30")));
  }

  @Test
  void levelsNotExportedYetAndUnknownFormatsAreUsageErrors() {
    CliRun restricted = CliRun.of("policy", "export", "-p", "restricted");
    assertThat(restricted.exitCode()).isEqualTo(2);
    assertThat(restricted.out()).isEmpty();
    assertThat(restricted.err())
        .isEqualTo(
            "error: --profile: only the hardened additions can be exported for now, not"
                + " restricted\nSee 'rootlock policy export --help' for usage.\n");

    CliRun kyverno = CliRun.of("policy", "export", "--format", "kyverno");
    assertThat(kyverno.exitCode()).isEqualTo(2);
    assertThat(kyverno.err())
        .isEqualTo(
            "error: --format: \"kyverno\" is not supported; use vap\n"
                + "See 'rootlock policy export --help' for usage.\n");

    CliRun version = CliRun.of("policy", "export", "--policy-version", "2");
    assertThat(version.exitCode()).isEqualTo(2);
    assertThat(version.err()).startsWith("error: --policy-version: ");
  }

  @Test
  void helpFitsEightyColumns() {
    CliRun run = CliRun.of("policy", "export", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("rootlock policy export | kubectl apply -f -");
    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }
}
