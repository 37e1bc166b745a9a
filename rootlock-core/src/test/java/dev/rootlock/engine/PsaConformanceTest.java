package dev.rootlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.testing.SharedData;
import dev.rootlock.testing.SharedDataPresent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pod Security Admission's own conformance fixtures (shared/psa-fixtures, v1.0 to v1.37): every
 * {@code pass} pod is allowed and every {@code fail} pod is denied at its level and version, with
 * the text PSA's test expects for the check the file is named after. The pods go through the same
 * reader and engine as {@code rootlock scan}.
 */
@ExtendWith(SharedDataPresent.class)
class PsaConformanceTest {

  /** PSA's expected substring per check, keyed by the lower-cased check ID of the file name. */
  private static final Map<String, String> EXPECTED_TEXT =
      Map.ofEntries(
          Map.entry("apparmorprofile", "forbidden AppArmor profile"),
          Map.entry("capabilities_baseline", "capabilities"),
          Map.entry("capabilities_restricted", "unrestricted capabilities"),
          Map.entry("hostnamespaces", "host namespaces"),
          Map.entry("hostpathvolumes", "hostPath"),
          Map.entry("hostports", "hostPort"),
          Map.entry("hostprobesandhostlifecycle", "probe or lifecycle host"),
          Map.entry("procmount", "procMount"),
          Map.entry("procmount_restricted", "procMount"),
          Map.entry("restrictedvolumes", "restricted volume types"),
          Map.entry("selinuxoptions", "seLinuxOptions"),
          Map.entry("seccompprofile_baseline", "seccompProfile"),
          Map.entry("seccompprofile_restricted", "seccompProfile"),
          Map.entry("sysctls", "forbidden sysctl"),
          Map.entry("windowshostprocess", "hostProcess"),
          Map.entry("allowprivilegeescalation", "allowPrivilegeEscalation"),
          Map.entry("privileged", "privileged"),
          Map.entry("runasnonroot", "runAsNonRoot"),
          Map.entry("runasuser", "runAsUser"));

  private final ManifestReader reader = new ManifestReader();
  private final Engine engine = Engine.standard();

  @Test
  void theFixturesAreAllThere() throws IOException {
    try (Stream<Path> files = Files.walk(SharedData.psaFixtures())) {
      assertThat(files.filter(f -> f.toString().endsWith(".yaml")).count()).isEqualTo(4537);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureGetsPsaVerdict() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SharedData.psaFixtures())) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    SharedData.psaFixtures().relativize(file).toString(), () -> check(file)));
  }

  private void check(Path file) throws IOException {
    Path versionDir = file.getParent().getParent();
    Level level = Level.parse(versionDir.getParent().getFileName().toString());
    PolicyVersion version = PolicyVersion.parse(versionDir.getFileName().toString());
    boolean expectAllowed = file.getParent().getFileName().toString().equals("pass");

    ReadResult read = reader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    assertThat(read.errors()).isEmpty();
    assertThat(read.workloads()).hasSize(1);
    ObjectResult result = engine.evaluate(read.workloads().get(0), LevelVersion.of(level, version));

    if (expectAllowed) {
      assertThat(result.message()).isEmpty();
      assertThat(result.allowed()).isTrue();
    } else {
      String check = file.getFileName().toString().replaceFirst("[0-9]*\\.yaml$", "");
      assertThat(EXPECTED_TEXT).containsKey(check);
      assertThat(result.allowed()).isFalse();
      assertThat(result.message())
          .startsWith("violates PodSecurity \"" + level + ":" + version + "\": ")
          .contains(EXPECTED_TEXT.get(check));
    }
  }
}
