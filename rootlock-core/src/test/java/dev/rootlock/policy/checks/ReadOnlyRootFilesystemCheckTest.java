package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ReadOnlyRootFilesystemCheck}. */
class ReadOnlyRootFilesystemCheckTest {

  private static final String REASON = "readOnlyRootFilesystem != true";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no containers", pod(p -> {}), null, List.of(), List.of()),
        Arguments.of(
            "true everywhere",
            pod(
                p ->
                    p.initContainer("i", c -> c.readOnlyRootFilesystem = true)
                        .container("c", c -> c.readOnlyRootFilesystem = true)
                        .ephemeralContainer("e", c -> c.readOnlyRootFilesystem = true)),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "no securityContext",
            pod(p -> p.container("app")),
            "container \"app\" must set securityContext.readOnlyRootFilesystem=true",
            List.of("app"),
            List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "false",
            pod(
                p ->
                    p.container("ok", c -> c.readOnlyRootFilesystem = true)
                        .container("app", c -> c.readOnlyRootFilesystem = false)),
            "container \"app\" must set securityContext.readOnlyRootFilesystem=true",
            List.of("app"),
            List.of("spec.containers[1].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "a quoted string is not true",
            pod(
                p ->
                    p.container(
                        "app", c -> c.unrecognized.put("readOnlyRootFilesystem", "\"true\""))),
            "container \"app\" must set securityContext.readOnlyRootFilesystem=true",
            List.of("app"),
            List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "init, regular and ephemeral in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.readOnlyRootFilesystem = false)
                        .container("c1", c -> c.readOnlyRootFilesystem = true)
                        .container("c2")
                        .initContainer("i", c -> c.hasSecurityContext = true)),
            "containers \"i\", \"c2\", \"e\" must set securityContext.readOnlyRootFilesystem=true",
            List.of("i", "c2", "e"),
            List.of(
                "spec.initContainers[0].securityContext.readOnlyRootFilesystem",
                "spec.containers[1].securityContext.readOnlyRootFilesystem",
                "spec.ephemeralContainers[0].securityContext.readOnlyRootFilesystem")),
        Arguments.of(
            "windows pods are exempt",
            pod(p -> p.container("app").osName = "windows"),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "linux pods are not",
            pod(p -> p.container("app").osName = "linux"),
            "container \"app\" must set securityContext.readOnlyRootFilesystem=true",
            List.of("app"),
            List.of("spec.containers[0].securityContext.readOnlyRootFilesystem")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsEveryContainerWhoseRootIsNotReadOnly(
      String name, Pod pod, String detail, List<String> containers, List<String> fields) {
    CheckResult result = ReadOnlyRootFilesystemCheck.v1_0(pod);
    if (detail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
      return;
    }
    assertThat(result.allowed()).isFalse();
    assertThat(result.reason()).isEqualTo(REASON);
    assertThat(result.detail()).isEqualTo(detail);
    assertThat(result.containers()).isEqualTo(containers);
    assertThat(result.fields().stream().map(FieldPath::toString).toList()).isEqualTo(fields);
  }
}
