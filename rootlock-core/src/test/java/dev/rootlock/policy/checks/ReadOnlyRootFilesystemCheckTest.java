package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ReadOnlyRootFilesystemCheck}. */
class ReadOnlyRootFilesystemCheckTest {

  private static final String REASON = "readOnlyRootFilesystem != true";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no containers", pod(p -> {})),
        CheckCase.passes(
            "true everywhere",
            pod(
                p ->
                    p.initContainer("i", c -> c.readOnlyRootFilesystem = true)
                        .container("c", c -> c.readOnlyRootFilesystem = true)
                        .ephemeralContainer("e", c -> c.readOnlyRootFilesystem = true))),
        CheckCase.fails(
                "no securityContext",
                pod(p -> p.container("app")),
                "container \"app\" must set securityContext.readOnlyRootFilesystem=true")
            .naming(
                List.of("app"),
                List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "false",
                pod(
                    p ->
                        p.container("ok", c -> c.readOnlyRootFilesystem = true)
                            .container("app", c -> c.readOnlyRootFilesystem = false)),
                "container \"app\" must set securityContext.readOnlyRootFilesystem=true")
            .naming(
                List.of("app"),
                List.of("spec.containers[1].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "a quoted string is not true",
                pod(
                    p ->
                        p.container(
                            "app", c -> c.unrecognized.put("readOnlyRootFilesystem", "\"true\""))),
                "container \"app\" must set securityContext.readOnlyRootFilesystem=true")
            .naming(
                List.of("app"),
                List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.fails(
                "init, regular and ephemeral in visiting order",
                pod(
                    p ->
                        p.ephemeralContainer("e", c -> c.readOnlyRootFilesystem = false)
                            .container("c1", c -> c.readOnlyRootFilesystem = true)
                            .container("c2")
                            .initContainer("i", c -> c.hasSecurityContext = true)),
                "containers \"i\", \"c2\", \"e\" must set"
                    + " securityContext.readOnlyRootFilesystem=true")
            .naming(
                List.of("i", "c2", "e"),
                List.of(
                    "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                    "spec.containers[1].securityContext.readOnlyRootFilesystem",
                    "spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem")),
        CheckCase.passes(
            "windows pods are exempt", pod(p -> p.container("app").osName = "windows")),
        CheckCase.fails(
                "linux pods are not",
                pod(p -> p.container("app").osName = "linux"),
                "container \"app\" must set securityContext.readOnlyRootFilesystem=true")
            .naming(
                List.of("app"),
                List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryContainerWhoseRootIsNotReadOnly(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        ReadOnlyRootFilesystemCheck.v1_0(expected.subject()), expected, REASON);
  }
}
