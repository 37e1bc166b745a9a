package dev.rootlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.InputError;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 15: one hostile object never takes the run down, and never passes unchecked. */
class HostileInputTest {

  @TempDir Path dir;

  private static final String GOOD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: good
      spec:
        containers:
        - name: app
          image: nginx
      """;

  private ScanResult scan(String policy, String... files) throws IOException {
    List<String> paths = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      Path file = dir.resolve("f" + i + ".yaml");
      Files.writeString(file, files[i]);
      paths.add(file.toString());
    }
    return Engine.standard()
        .scan(
            new ScanRequest(
                paths, LevelVersion.parse(policy), new ByteArrayInputStream(new byte[0])));
  }

  private String podWithName(String nameLine) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
        spec:
          containers:
          - %s
            image: nginx
        """
        .formatted(nameLine);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name: -1|7:5: spec.containers[0].name: expected a string, got the integer -1",
        "name: []|7:5: spec.containers[0].name: expected a string, got a sequence",
        "name:|7:5: spec.containers[0].name: required field is missing",
        "imagePullPolicy: Always|7:5: spec.containers[0].name: required field is missing",
      })
  void aContainerWithoutAStringNameIsAnInputErrorAndTheRunGoesOn(String line, String error)
      throws IOException {
    ScanResult result = scan("restricted:latest", podWithName(line), GOOD);

    assertThat(result.errors())
        .extracting(InputError::toString)
        .containsExactly(dir.resolve("f0.yaml") + ":" + error);
    // Both objects are still judged: the bad one by its place, since it has no name.
    assertThat(result.objects()).extracting(o -> o.object().name()).containsExactly("bad", "good");
    ObjectResult bad = result.objects().get(0);
    assertThat(bad.message())
        .contains(
            "container \"containers[0]\" must set securityContext.allowPrivilegeEscalation=false");
    // Every finding names the container by its place (CapabilitiesRestrictedCheck once did not).
    assertThat(bad.findings())
        .hasSize(4)
        .allSatisfy(f -> assertThat(f.containers()).containsExactly("containers[0]"));
    assertThat(result.exitCode()).isEqualTo(ScanResult.ERROR);
  }

  @Test
  void nameslessVolumesMountsAndSysctlsAreProblemsNotCrashes() throws IOException {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
        spec:
          securityContext:
            sysctls:
            - value: "1"
          volumes:
          - hostPath: {path: /}
          containers:
          - name: app
            volumeMounts:
            - readOnly: false
        """;

    ScanResult result = scan("hardened:latest", pod, GOOD);

    assertThat(result.errors())
        .extracting(InputError::message)
        .containsExactly(
            "spec.securityContext.sysctls[0].name: required field is missing",
            "spec.containers[0].volumeMounts[0].name: required field is missing",
            "spec.containers[0].volumeMounts[0].mountPath: required field is missing",
            "spec.volumes[0].name: required field is missing");
    assertThat(result.objects()).hasSize(2);
    assertThat(result.objects().get(0).allowed()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // The template one level too deep.
        "spec: {spec: {template: {spec: {containers: [{name: a, image: b}]}}}}"
            + "|1:62: spec.template: required field is missing (the pod template is spec.template)",
        // The template's containers one level too high.
        "spec: {template: {containers: [{name: a, image: b}]}}"
            + "|1:69: spec.template.spec.containers: required field is missing (a pod needs at"
            + " least one container)",
      })
  void aMisplacedPodTemplateIsAnInputErrorNotAPass(String spec, String error) throws IOException {
    String deployment =
        "{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, " + spec + "}";

    ScanResult result = scan("restricted:latest", deployment);

    assertThat(result.errors())
        .extracting(InputError::toString)
        .containsExactly(dir.resolve("f0.yaml") + ":" + error);
    assertThat(result.exitCode()).isEqualTo(ScanResult.ERROR);
  }

  @Test
  void aHugeValueIsCutInTheMessageWhichStaysOneLine() throws IOException {
    String huge = "x".repeat(200_000);
    String pod = podWithName("name: app\n    securityContext: {privileged: \"" + huge + "\"}");

    ScanResult result = scan("restricted:latest", pod);

    assertThat(result.errors()).hasSize(1);
    String message = result.errors().get(0).message();
    assertThat(message)
        .startsWith(
            "spec.containers[0].securityContext.privileged: expected a boolean, got the"
                + " string \"xxxx")
        .endsWith("…\"")
        .hasSizeLessThan(200)
        .doesNotContain("\n");
  }

  @Test
  void aMessageIsOneBoundedLineWhateverItHolds() {
    InputError error = new InputError("f", null, "a\nb\r\u2028c" + "y".repeat(10_000));

    assertThat(error.message())
        .startsWith("a\\nb\\r\\u2028cyyy")
        .hasSize(InputError.MAX_MESSAGE)
        .endsWith("y…");
  }
}
