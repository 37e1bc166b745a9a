package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link AllowPrivilegeEscalationCheck}. */
class AllowPrivilegeEscalationCheckTest {

  private static final String REASON = "allowPrivilegeEscalation != false";

  static Stream<Arguments> v1_8() {
    return Stream.of(
        Arguments.of("no containers", pod(p -> {}), null),
        Arguments.of(
            "false everywhere",
            pod(
                p ->
                    p.initContainer("i", c -> c.allowPrivilegeEscalation = false)
                        .container("a", c -> c.allowPrivilegeEscalation = false)),
            null),
        Arguments.of(
            "no securityContext",
            pod(p -> p.container("a")),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "securityContext without the field",
            pod(p -> p.container("a", c -> c.hasSecurityContext = true)),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "explicit true",
            pod(p -> p.container("a", c -> c.allowPrivilegeEscalation = true)),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "init, regular and ephemeral in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> {})
                        .container("ok", c -> c.allowPrivilegeEscalation = false)
                        .container("c", c -> c.allowPrivilegeEscalation = true)
                        .initContainer("i", c -> {})),
            "containers \"i\", \"c\", \"e\" must set"
                + " securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "duplicate names are kept",
            pod(p -> p.initContainer("a", c -> {}).container("a")),
            "containers \"a\", \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "windows pods are checked before v1.25",
            onOs("windows"),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_8")
  void v1_8Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(AllowPrivilegeEscalationCheck.v1_8(pod), expectedDetail);
  }

  static Stream<Arguments> v1_25() {
    return Stream.of(
        Arguments.of("windows pod is skipped", onOs("windows"), null),
        Arguments.of(
            "linux pod is checked",
            onOs("linux"),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        Arguments.of(
            "pod without os is checked",
            pod(p -> p.container("a")),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_25")
  void v1_25Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(AllowPrivilegeEscalationCheck.v1_25(pod), expectedDetail);
  }

  static Stream<Arguments> versions() {
    Pod linux = pod(p -> p.container("a"));
    Pod windows = onOs("windows");
    String failure =
        REASON + " (container \"a\" must set securityContext.allowPrivilegeEscalation=false)";
    return Stream.of(
        Arguments.of("restricted:v1.7", linux, ""),
        Arguments.of("restricted:v1.8", linux, failure),
        Arguments.of("baseline:latest", linux, ""),
        Arguments.of("restricted:v1.24", windows, failure),
        Arguments.of("restricted:v1.25", windows, ""),
        Arguments.of("restricted:v1.25", linux, failure),
        Arguments.of("restricted:latest", windows, ""),
        Arguments.of("restricted:latest", linux, failure));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void versionInForce(String levelVersion, Pod pod, String expectedDetail) {
    assertThat(OneCheckRegistry.detail(new AllowPrivilegeEscalationCheck(), levelVersion, pod))
        .isEqualTo(expectedDetail);
  }

  @Test
  void namesTheMissingFieldWhereItMustBeSet() {
    CheckResult result =
        AllowPrivilegeEscalationCheck.v1_8(
            pod(
                p ->
                    p.container("ok", c -> c.allowPrivilegeEscalation = false)
                        .container("a")
                        .ephemeralContainer("e", c -> c.allowPrivilegeEscalation = true)));
    assertThat(result.containers()).containsExactly("a", "e");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.containers[1].securityContext.allowPrivilegeEscalation",
            "spec.ephemeralContainers[0].securityContext.allowPrivilegeEscalation");
  }

  /** A pod with one bare container "a" and {@code spec.os.name} set to {@code os}. */
  private static Pod onOs(String os) {
    return pod(
        p -> {
          p.osName = os;
          p.container("a");
        });
  }

  private static void assertDetail(CheckResult result, String expectedDetail) {
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo(REASON);
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }
}
