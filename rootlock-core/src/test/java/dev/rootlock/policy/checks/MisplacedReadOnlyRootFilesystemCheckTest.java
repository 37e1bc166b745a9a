package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link MisplacedReadOnlyRootFilesystemCheck}. */
class MisplacedReadOnlyRootFilesystemCheckTest {

  private static final String FIELD = "readOnlyRootFilesystem";
  private static final String POD_PART =
      "pod must not set securityContext.readOnlyRootFilesystem"
          + " (the field belongs in each container's securityContext)";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes(
            "a boolean in the container",
            pod(p -> p.container("app", c -> c.readOnlyRootFilesystem = true))),
        CheckCase.passes(
            "unset everywhere is the readOnlyRootFilesystem check's business",
            pod(p -> p.container("app"))),
        CheckCase.passes(
            "other wrong-typed fields are not this check's business",
            pod(p -> p.container("app", c -> c.unrecognized.put("privileged", "\"false\"")))),
        CheckCase.fails(
                "in the pod securityContext",
                pod(p -> p.container("app").unrecognized.put(FIELD, "true")),
                POD_PART)
            .naming(List.of(), List.of("spec.securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "a quoted string in one container",
                pod(
                    p ->
                        p.container("ok", c -> c.readOnlyRootFilesystem = true)
                            .container("app", c -> c.unrecognized.put(FIELD, "\"true\""))),
                "container \"app\" must set securityContext.readOnlyRootFilesystem to the boolean"
                    + " true, not \"true\"")
            .naming(
                List.of("app"),
                List.of("spec.containers[1].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "the same value in several containers is listed once",
                pod(
                    p ->
                        p.container("c", c -> c.unrecognized.put(FIELD, "\"true\""))
                            .initContainer("i", c -> c.unrecognized.put(FIELD, "\"true\""))),
                "containers \"i\", \"c\" must set securityContext.readOnlyRootFilesystem to the"
                    + " boolean true, not \"true\"")
            .naming(
                List.of("i", "c"),
                List.of(
                    "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                    "spec.containers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "distinct values are sorted and keep the quotes they were written with",
                pod(
                    p ->
                        p.ephemeralContainer("e", c -> c.unrecognized.put(FIELD, "'yes'"))
                            .container("c", c -> c.unrecognized.put(FIELD, "1"))
                            .initContainer("i", c -> c.unrecognized.put(FIELD, "\"true\""))),
                "containers \"i\", \"c\", \"e\" must set securityContext.readOnlyRootFilesystem to"
                    + " the boolean true, not \"true\", 'yes', 1")
            .naming(
                List.of("i", "c", "e"),
                List.of(
                    "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                    "spec.containers[0].securityContext.readOnlyRootFilesystem",
                    "spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "pod and container, the pod first",
                pod(
                    p ->
                        p.container("app", c -> c.unrecognized.put(FIELD, "\"true\""))
                            .unrecognized
                            .put(FIELD, "true")),
                POD_PART
                    + "; container \"app\" must set securityContext.readOnlyRootFilesystem to the"
                    + " boolean true, not \"true\"")
            .naming(
                List.of("app"),
                List.of(
                    "spec.securityContext.readOnlyRootFilesystem",
                    "spec.containers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.passes(
            "windows pods are exempt",
            pod(
                p -> {
                  p.container("app", c -> c.unrecognized.put(FIELD, "\"true\""));
                  p.unrecognized.put(FIELD, "true");
                  p.osName = "windows";
                })));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void explainsReadOnlyRootFilesystemWrittenWhereItHasNoEffect(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        MisplacedReadOnlyRootFilesystemCheck.v1_0(expected.subject()),
        expected,
        "misplaced readOnlyRootFilesystem");
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
