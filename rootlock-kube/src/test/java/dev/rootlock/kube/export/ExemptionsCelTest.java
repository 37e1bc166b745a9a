package dev.rootlock.kube.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rootlock.model.LevelVersion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exemptions in the export, evaluated with Google's CEL for Java: the webhook's usernames and
 * runtime classes as matchConditions, and the {@code rootlock.dev/exempt} annotation on the object
 * or its pod template.
 */
class ExemptionsCelTest {

  static final ExportExemptions CONFIGURED =
      new ExportExemptions(
          Set.of("system:serviceaccount:ci:deployer", "o'brien"),
          Set.of("kata", "gvisor"),
          Set.of("legacy", "kube-system"),
          true);

  private static ExportedPolicy configured;
  private static ExportedPolicy annotationsOff;

  @BeforeAll
  static void compile() throws Exception {
    LevelVersion hardened = LevelVersion.parse("hardened:latest");
    configured = new ExportedPolicy(VapExport.yaml(hardened, CONFIGURED));
    annotationsOff = new ExportedPolicy(VapExport.yaml(hardened, CONFIGURED.withoutAnnotations()));
  }

  private static Map<String, Object> object(String yaml) throws Exception {
    JsonNode api = CelEquivalenceTest.asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    assertThat(api).as("the API server would accept %s", yaml).isNotNull();
    return CelObjects.of(api);
  }

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p%s}
      spec:%s
        containers: [{name: app, image: x}]
      """;

  @Test
  void exemptUsernamesAreNotJudged() throws Exception {
    assertThat(configured.matchConditionCount()).isEqualTo(2);
    Map<String, Object> pod = object(POD.formatted("", ""));
    assertThat(configured.matches(pod, "system:serviceaccount:ci:deployer")).isFalse();
    assertThat(configured.matches(pod, "o'brien")).isFalse();
    assertThat(configured.matches(pod, "alice")).isTrue();
    assertThat(configured.matches(pod, "system:serviceaccount:ci:deployer2")).isTrue();
  }

  @Test
  void exemptRuntimeClassesAreNotJudgedInEveryKind() throws Exception {
    String spec = "{runtimeClassName: %s, containers: [{name: app, image: x}]}";
    for (String kind :
        List.of(
            "{apiVersion: v1, kind: Pod, metadata: {name: t}, spec: %s}",
            "{apiVersion: v1, kind: PodTemplate, metadata: {name: t}, template: {spec: %s}}",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: t},"
                + " spec: {selector: {}, template: {spec: %s}}}",
            "{apiVersion: batch/v1, kind: CronJob, metadata: {name: t},"
                + " spec: {schedule: '@daily', jobTemplate: {spec: {template: {spec: %s}}}}}")) {
      assertThat(configured.matches(object(kind.formatted(spec.formatted("kata"))), "alice"))
          .as(kind)
          .isFalse();
      assertThat(configured.matches(object(kind.formatted(spec.formatted("gvisor"))), "alice"))
          .as(kind)
          .isFalse();
      assertThat(configured.matches(object(kind.formatted(spec.formatted("runc"))), "alice"))
          .as(kind)
          .isTrue();
      String none = "{containers: [{name: app, image: x}]}";
      assertThat(configured.matches(object(kind.formatted(none)), "alice")).as(kind).isTrue();
    }
  }

  @Test
  void noConfiguredExemptionsMeansNoMatchConditions() throws Exception {
    ExportedPolicy plain =
        new ExportedPolicy(VapExport.yaml(LevelVersion.parse("hardened:latest")));
    assertThat(plain.matchConditionCount()).isZero();
    assertThat(VapExport.yaml(LevelVersion.parse("hardened:latest")))
        .doesNotContain("matchConditions");
  }

  /** The IDs of the checks that fail, in the policy's order. */
  private static List<String> failing(ExportedPolicy policy, Map<String, Object> object)
      throws Exception {
    return policy.evaluate(object, Map.of()).stream()
        .filter(o -> !o.allowed())
        .map(ExportedPolicy.Outcome::checkId)
        .toList();
  }

  @Test
  void theAnnotationExemptsTheChecksItNames() throws Exception {
    String volumes =
        "\n  volumes: [{name: m, emptyDir: {medium: Memory}}]"
            + "\n  initContainers: [{name: init, image: x, volumeMounts: [{name: m, mountPath: /etc}]}]";
    List<String> all =
        List.of("readOnlyRootFilesystem", "unboundedMemoryVolumes", "writableSystemPaths");
    assertThat(failing(configured, object(POD.formatted("", volumes)))).isEqualTo(all);

    Map<String, List<String>> annotations =
        Map.ofEntries(
            Map.entry(
                "'readOnlyRootFilesystem: vendor image'",
                List.of("unboundedMemoryVolumes", "writableSystemPaths")),
            Map.entry(
                "' readOnlyRootFilesystem , writableSystemPaths :legacy; SEC-12'",
                List.of("unboundedMemoryVolumes")),
            Map.entry("'*: sandbox namespace, reviewed'", List.of()),
            // No reason, no colon, an unknown or misspelt ID: nothing exempt.
            Map.entry("'readOnlyRootFilesystem:'", all),
            Map.entry("'readOnlyRootFilesystem:   '", all),
            Map.entry("'readOnlyRootFilesystem'", all),
            Map.entry("'readonlyrootfilesystem: case matters'", all),
            Map.entry("'privileged: a PSA check'", all));
    for (var annotation : annotations.entrySet()) {
      String metadata = ", annotations: {rootlock.dev/exempt: " + annotation.getKey() + "}";
      assertThat(failing(configured, object(POD.formatted(metadata, volumes))))
          .as(annotation.getKey())
          .isEqualTo(annotation.getValue());
      assertThat(failing(annotationsOff, object(POD.formatted(metadata, volumes))))
          .as("--no-exemptions " + annotation.getKey())
          .isEqualTo(all);
    }
    // Another annotation key exempts nothing.
    assertThat(
            failing(
                configured,
                object(POD.formatted(", annotations: {rootlock.dev/exempt.app: '*: x'}", ""))))
        .containsExactly("readOnlyRootFilesystem");
  }

  @Test
  void theAnnotationIsReadFromTheObjectAndFromItsPodTemplate() throws Exception {
    String exempt = "annotations: {rootlock.dev/exempt: 'readOnlyRootFilesystem: vendor'}";
    String template = "{metadata: {%s}, spec: {containers: [{name: app, image: x}]}}";
    for (String kind :
        List.of(
            "{apiVersion: v1, kind: PodTemplate, metadata: {name: t%s}, template: %s}",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: t%s},"
                + " spec: {selector: {}, template: %s}}",
            "{apiVersion: batch/v1, kind: CronJob, metadata: {name: t%s},"
                + " spec: {schedule: '@daily', jobTemplate: {spec: {template: %s}}}}")) {
      assertThat(failing(configured, object(kind.formatted("", template.formatted("")))))
          .as(kind)
          .containsExactly("readOnlyRootFilesystem");
      assertThat(failing(configured, object(kind.formatted(", " + exempt, template.formatted("")))))
          .as("on the object: " + kind)
          .isEmpty();
      assertThat(failing(configured, object(kind.formatted("", template.formatted(exempt)))))
          .as("on the template: " + kind)
          .isEmpty();
      String noMetadata = "{spec: {containers: [{name: app, image: x}]}}";
      assertThat(failing(configured, object(kind.formatted("", noMetadata))))
          .as("a template without metadata: " + kind)
          .containsExactly("readOnlyRootFilesystem");
    }
  }
}
