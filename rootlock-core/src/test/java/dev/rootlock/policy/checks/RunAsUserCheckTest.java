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

/** Tests for {@link RunAsUserCheck}. */
class RunAsUserCheckTest {

  private static final String REASON = "runAsUser=0";
  private static final String A_MUST_NOT = "container \"a\" must not set runAsUser=0";

  static Stream<Arguments> v1_23() {
    return Stream.of(
        Arguments.of("unset", pod(p -> p.container("a", c -> c.hasSecurityContext = true)), null),
        Arguments.of(
            "non-zero everywhere",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 1L);
                }),
            null),
        Arguments.of(
            "pod zero",
            pod(
                p -> {
                  p.runAsUser = 0L;
                  p.container("a", c -> c.runAsUser = 1000L);
                }),
            "pod must not set runAsUser=0"),
        Arguments.of(
            "container zero under a non-root pod",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 0L);
                }),
            A_MUST_NOT),
        Arguments.of(
            "pod and containers zero, in visiting order",
            pod(
                p -> {
                  p.runAsUser = 0L;
                  p.ephemeralContainer("e", c -> c.runAsUser = 0L)
                      .container("ok", c -> c.runAsUser = 1000L)
                      .container("c", c -> c.runAsUser = 0L)
                      .initContainer("i", c -> c.runAsUser = 0L);
                }),
            "pod and containers \"i\", \"c\", \"e\" must not set runAsUser=0"),
        Arguments.of(
            "a user namespace does not help before v1.35", rootInUserNamespace(false), A_MUST_NOT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_23")
  void v1_23Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(RunAsUserCheck.v1_23(pod), expectedDetail);
  }

  static Stream<Arguments> v1_35() {
    return Stream.of(
        Arguments.of("hostUsers false skips the check", rootInUserNamespace(false), null),
        Arguments.of("hostUsers true is checked", rootInUserNamespace(true), A_MUST_NOT),
        Arguments.of("hostUsers unset is checked", rootInUserNamespace(null), A_MUST_NOT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_35")
  void v1_35Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(RunAsUserCheck.v1_35(pod), expectedDetail);
  }

  static Stream<Arguments> versions() {
    Pod userNamespace = rootInUserNamespace(false);
    String failure = REASON + " (" + A_MUST_NOT + ")";
    return Stream.of(
        Arguments.of("restricted:v1.22", userNamespace, ""),
        Arguments.of("restricted:v1.23", userNamespace, failure),
        Arguments.of("baseline:latest", userNamespace, ""),
        Arguments.of("restricted:v1.34", userNamespace, failure),
        Arguments.of("restricted:v1.35", userNamespace, ""),
        Arguments.of("restricted:latest", userNamespace, ""),
        Arguments.of("restricted:latest", rootInUserNamespace(true), failure));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void versionInForce(String levelVersion, Pod pod, String expectedDetail) {
    assertThat(OneCheckRegistry.detail(new RunAsUserCheck(), levelVersion, pod))
        .isEqualTo(expectedDetail);
  }

  @Test
  void namesThePodFieldFirstThenEachContainer() {
    CheckResult result =
        RunAsUserCheck.v1_23(
            pod(
                p -> {
                  p.runAsUser = 0L;
                  p.container("ok").container("a", c -> c.runAsUser = 0L);
                }));
    assertThat(result.containers()).containsExactly("a");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.securityContext.runAsUser", "spec.containers[1].securityContext.runAsUser");
  }

  /** One container "a" running as UID 0, in a pod with {@code hostUsers} as given. */
  private static Pod rootInUserNamespace(Boolean hostUsers) {
    return pod(
        p -> {
          p.hostUsers = hostUsers;
          p.container("a", c -> c.runAsUser = 0L);
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
