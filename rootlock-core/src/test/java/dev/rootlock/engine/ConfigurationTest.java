package dev.rootlock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file as the verbs see it: found, read strictly, and turned into exemption rules. */
class ConfigurationTest {

  private static final Set<String> CHECKS = Engine.standard().checkIds();
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @TempDir Path repo;

  @Test
  void findsTheNearestFileAboveAPath() throws IOException {
    Path config = Files.writeString(repo.resolve(".rootlock.yaml"), "level: restricted\n");
    Path deploy = Files.createDirectories(repo.resolve("deploy/prod"));
    Path manifest = Files.writeString(deploy.resolve("web.yaml"), "kind: Pod\n");

    assertThat(Configuration.find(manifest)).isEqualTo(Optional.of(config));
    assertThat(Configuration.find(deploy)).isEqualTo(Optional.of(config));
  }

  @Test
  void readsTheDefaultsAndResolvesTheBaselineBesideTheFile() throws Exception {
    Path file =
        Files.writeString(
            repo.resolve(".rootlock.yaml"),
            """
            level: restricted
            version: v1.30
            baseline: ci/baseline.json
            exemptions:
              - checks: [readOnlyRootFilesystem]
                name: legacy
                reason: "writes under /var/cache; tracked in SEC-12"
            """);

    Configuration config = Configuration.read(file, CHECKS);

    assertThat(config.file()).isEqualTo(file);
    assertThat(config.level()).isEqualTo(Level.RESTRICTED);
    assertThat(config.version()).isEqualTo(PolicyVersion.v1(30));
    assertThat(config.baseline()).isEqualTo(repo.resolve("ci/baseline.json"));
    ExemptionRules rules = config.exemptionRules(TODAY);
    assertThat(rules.enabled()).isTrue();
    assertThat(rules.today()).isEqualTo(TODAY);
    assertThat(rules.configFor().apply(null))
        .singleElement()
        .satisfies(
            exemption -> {
              assertThat(exemption.checks()).containsExactly("readOnlyRootFilesystem");
              assertThat(exemption.source()).isEqualTo(file + ":5:5");
            });
  }

  @Test
  void eachInputFileGetsTheExemptionsOfTheConfigThatGovernsIt() throws Exception {
    Path file =
        Files.writeString(
            repo.resolve(".rootlock.yaml"),
            "exemptions:\n  - checks: [privileged]\n    reason: a node agent\n");
    Configuration config = Configuration.read(file, CHECKS);
    Path governed = repo.resolve("agent.yaml");

    ExemptionRules rules =
        Configuration.exemptionRules(
            TODAY, input -> governed.equals(input) ? config : Configuration.NONE);

    assertThat(rules.enabled()).isTrue();
    assertThat(rules.configFor().apply(governed))
        .singleElement()
        .satisfies(exemption -> assertThat(exemption.checks()).containsExactly("privileged"));
    assertThat(rules.configFor().apply(repo.resolve("other.yaml"))).isEmpty();
    assertThat(rules.configFor().apply(null)).isEmpty();
  }

  @Test
  void noFileSetsNothing() {
    assertThat(Configuration.NONE.file()).isNull();
    assertThat(Configuration.NONE.level()).isNull();
    assertThat(Configuration.NONE.version()).isNull();
    assertThat(Configuration.NONE.baseline()).isNull();
    assertThat(Configuration.NONE.exemptionRules(TODAY).configFor().apply(null)).isEmpty();
  }

  @Test
  void aBadFileIsOneLineNamingFileLineAndField() throws IOException {
    Path file = Files.writeString(repo.resolve(".rootlock.yaml"), "levle: hardened\n");

    assertThatThrownBy(() -> Configuration.read(file, CHECKS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            file + ":1:1: levle: unknown key (allowed: baseline, exemptions, level, version)");
  }

  @Test
  void anExemptionMayNameOnlyAKnownCheck() throws IOException {
    Path file =
        Files.writeString(
            repo.resolve(".rootlock.yaml"),
            "exemptions:\n  - checks: [privileged]\n    reason: x\n");

    assertThatThrownBy(() -> Configuration.read(file, Set.of("hostNamespaces")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            file
                + ":2:14: exemptions[0].checks[0]: unknown check ID \"privileged\" (see"
                + " rootlock's docs/checks.md)");
  }
}
