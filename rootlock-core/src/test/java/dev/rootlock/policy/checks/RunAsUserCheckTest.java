package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RunAsUserCheck}. */
class RunAsUserCheckTest {

  private static final String REASON = "runAsUser=0";
  private static final String A_MUST_NOT = "container \"a\" must not set runAsUser=0";

  static Stream<CheckCase<Pod>> v1_23() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a", c -> c.hasSecurityContext = true))),
        CheckCase.passes(
            "non-zero everywhere",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 1L);
                })),
        CheckCase.fails(
            "pod zero",
            pod(
                p -> {
                  p.runAsUser = 0L;
                  p.container("a", c -> c.runAsUser = 1000L);
                }),
            "pod must not set runAsUser=0"),
        CheckCase.fails(
            "container zero under a non-root pod",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 0L);
                }),
            A_MUST_NOT),
        CheckCase.fails(
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
        CheckCase.fails(
            "a user namespace does not help before v1.35", rootInUserNamespace(false), A_MUST_NOT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_23")
  void v1_23Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(RunAsUserCheck.v1_23(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> v1_35() {
    return Stream.of(
        CheckCase.passes("hostUsers false skips the check", rootInUserNamespace(false)),
        CheckCase.fails("hostUsers true is checked", rootInUserNamespace(true), A_MUST_NOT),
        CheckCase.fails("hostUsers unset is checked", rootInUserNamespace(null), A_MUST_NOT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_35")
  void v1_35Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(RunAsUserCheck.v1_35(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod userNamespace = rootInUserNamespace(false);
    String failure = REASON + " (" + A_MUST_NOT + ")";
    return Stream.of(
        CheckCase.passes("restricted:v1.22", userNamespace),
        CheckCase.fails("restricted:v1.23", userNamespace, failure),
        CheckCase.passes("baseline:latest", userNamespace),
        CheckCase.fails("restricted:v1.34", userNamespace, failure),
        CheckCase.passes("restricted:v1.35", userNamespace),
        CheckCase.passes("restricted:latest", userNamespace),
        CheckCase.fails("restricted:latest", rootInUserNamespace(true), failure));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForce(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new RunAsUserCheck(), expected);
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
}
