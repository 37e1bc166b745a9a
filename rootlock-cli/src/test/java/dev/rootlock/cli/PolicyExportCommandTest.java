package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.export.ExportExemptions;
import dev.rootlock.kube.export.MutatingExport;
import dev.rootlock.kube.export.VapExport;
import dev.rootlock.model.LevelVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
    CliRun run =
        CliRun.of(
            "policy",
            "export",
            "-p",
            "hardened",
            "--policy-version",
            "v1.30",
            "-o",
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
            """
            error: --format: "kyverno" is not supported; use vap
            See 'rootlock policy export --help' for usage.
            """);

    CliRun version = CliRun.of("policy", "export", "--policy-version", "2");
    assertThat(version.exitCode()).isEqualTo(2);
    assertThat(version.err()).startsWith("error: --policy-version: ");
  }

  @Test
  void theWebhooksConfigFileGivesTheExemptions(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("podsecurity.yaml");
    Files.writeString(
        config,
        """
        apiVersion: pod-security.admission.config.k8s.io/v1
        kind: PodSecurityConfiguration
        defaults: {enforce: hardened}
        exemptions:
          usernames: ["system:serviceaccount:ci:deployer"]
          runtimeClasses: [kata]
          namespaces: [legacy]
        """);
    ExportExemptions expected =
        new ExportExemptions(
            Set.of("system:serviceaccount:ci:deployer"), Set.of("kata"), Set.of("legacy"), true);
    CliRun run = CliRun.of("policy", "export", "--config", config.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(VapExport.yaml(LevelVersion.parse("hardened:latest"), expected))
        .contains("name: not-exempt-username", "values: [\"kube-system\", \"legacy\"]");

    CliRun off = CliRun.of("policy", "export", "--config", config.toString(), "--no-exemptions");
    assertThat(off.exitCode()).isZero();
    assertThat(off.out())
        .isEqualTo(
            VapExport.yaml(LevelVersion.parse("hardened:latest"), expected.withoutAnnotations()))
        .doesNotContain("exemptChecks");
  }

  @Test
  void aBadOrMissingConfigFileIsAnInputError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(
        config,
        """
        apiVersion: rootlock.dev/v1alpha1
        kind: PodSecurityConfiguration
        exemptions: {namespaces: [Bad_NS]}
        """);
    CliRun bad = CliRun.of("policy", "export", "--config", config.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .startsWith(
            "error: --config: "
                + config
                + ": invalid configuration:"
                + " exemptions.namespaces[0]: Invalid value: \"Bad_NS\"");
    assertThat(bad.err().lines()).hasSize(1);

    Path missing = dir.resolve("missing.yaml");
    CliRun none = CliRun.of("policy", "export", "--config", missing.toString());
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).isEqualTo("error: --config: no such file: " + missing + "\n");
  }

  @Test
  void dashDashMutatingAddsTheMutatingAdmissionPolicy() {
    CliRun run = CliRun.of("policy", "export", "--mutating");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(HARDENED + MutatingExport.yaml(ExportExemptions.DEFAULT));
    assertThat(run.out()).contains("kind: MutatingAdmissionPolicyBinding");
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
