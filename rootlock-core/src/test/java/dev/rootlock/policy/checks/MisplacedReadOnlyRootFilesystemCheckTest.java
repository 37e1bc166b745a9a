package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link MisplacedReadOnlyRootFilesystemCheck}. */
class MisplacedReadOnlyRootFilesystemCheckTest {

  private static final String FIELD = "readOnlyRootFilesystem";
  private static final String POD_PART =
      "pod must not set securityContext.readOnlyRootFilesystem"
          + " (the field belongs in each container's securityContext)";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a boolean in the container",
            pod(p -> p.container("app", c -> c.readOnlyRootFilesystem = true)),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "unset everywhere is the readOnlyRootFilesystem check's business",
            pod(p -> p.container("app")),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "other wrong-typed fields are not this check's business",
            pod(p -> p.container("app", c -> c.unrecognized.put("privileged", "\"false\""))),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "in the pod securityContext",
            pod(p -> p.container("app").unrecognized.put(FIELD, "true")),
            POD_PART,
            List.of(),
            List.of("spec.securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "a quoted string in one container",
            pod(
                p ->
                    p.container("ok", c -> c.readOnlyRootFilesystem = true)
                        .container("app", c -> c.unrecognized.put(FIELD, "\"true\""))),
            "container \"app\" must set securityContext.readOnlyRootFilesystem to the boolean true,"
                + " not \"true\"",
            List.of("app"),
            List.of("spec.containers[1].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "the same value in several containers is listed once",
            pod(
                p ->
                    p.container("c", c -> c.unrecognized.put(FIELD, "\"true\""))
                        .initContainer("i", c -> c.unrecognized.put(FIELD, "\"true\""))),
            "containers \"i\", \"c\" must set securityContext.readOnlyRootFilesystem to the boolean"
                + " true, not \"true\"",
            List.of("i", "c"),
            List.of(
                "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                "spec.containers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "distinct values are sorted and keep the quotes they were written with",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.unrecognized.put(FIELD, "'yes'"))
                        .container("c", c -> c.unrecognized.put(FIELD, "1"))
                        .initContainer("i", c -> c.unrecognized.put(FIELD, "\"true\""))),
            "containers \"i\", \"c\", \"e\" must set securityContext.readOnlyRootFilesystem to the"
                + " boolean true, not \"true\", 'yes', 1",
            List.of("i", "c", "e"),
            List.of(
                "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                "spec.containers[0].securityContext.readOnlyRootFilesystem",
                "spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "pod and container, the pod first",
            pod(
                p ->
                    p.container("app", c -> c.unrecognized.put(FIELD, "\"true\""))
                        .unrecognized
                        .put(FIELD, "true")),
            POD_PART
                + "; container \"app\" must set securityContext.readOnlyRootFilesystem to the"
                + " boolean true, not \"true\"",
            List.of("app"),
            List.of(
                "spec.securityContext.readOnlyRootFilesystem",
                "spec.containers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "windows pods are exempt",
            pod(
                p -> {
                  p.container("app", c -> c.unrecognized.put(FIELD, "\"true\""));
                  p.unrecognized.put(FIELD, "true");
                  p.osName = "windows";
                }),
            null,
            List.of(),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explainsReadOnlyRootFilesystemWrittenWhereItHasNoEffect(
      String name, Pod pod, String detail, List<String> containers, List<String> fields) {
    CheckResult result = MisplacedReadOnlyRootFilesystemCheck.v1_0(pod);
    if (detail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
      return;
    }
    assertThat(result.allowed()).isFalse();
    assertThat(result.reason()).isEqualTo("misplaced readOnlyRootFilesystem");
    assertThat(result.detail()).isEqualTo(detail);
    assertThat(result.containers()).isEqualTo(containers);
    assertThat(result.fields().stream().map(FieldPath::toString).toList()).isEqualTo(fields);
  }

  @Test
  void neverMakesAMisplacedValueCompliant() {
    Pod pod =
        pod(
            p ->
                p.container("app", c -> c.unrecognized.put(FIELD, "\"true\""))
                    .unrecognized
                    .put(FIELD, "true"));
    assertThat(MisplacedReadOnlyRootFilesystemCheck.v1_0(pod).allowed()).isFalse();
    assertThat(ReadOnlyRootFilesystemCheck.v1_0(pod).containers()).containsExactly("app");
  }
}
