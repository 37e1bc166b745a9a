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

/** Tests for {@link RunAsNonRootCheck}. */
class RunAsNonRootCheckTest {

  private static final String REASON = "runAsNonRoot != true";
  private static final String A_MUST_SET =
      "pod or container \"a\" must set securityContext.runAsNonRoot=true";
  private static final String POD_MUST_NOT = "pod must not set securityContext.runAsNonRoot=false";

  static Stream<CheckCase<Pod>> v1_0() {
    return Stream.of(
        CheckCase.passes("no containers and nothing set", pod(p -> {})),
        CheckCase.passes(
            "pod true, containers inherit it",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.initContainer("i", c -> {}).container("a");
                })),
        CheckCase.passes(
            "every container true",
            pod(
                p ->
                    p.initContainer("i", c -> c.runAsNonRoot = true)
                        .container("a", c -> c.runAsNonRoot = true))),
        CheckCase.passes(
            "pod and container true",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.container("a", c -> c.runAsNonRoot = true);
                })),
        CheckCase.fails("nothing set", pod(p -> p.container("a")), A_MUST_SET),
        CheckCase.fails(
            "runAsUser is not considered",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 1000L);
                }),
            A_MUST_SET),
        CheckCase.fails(
            "unset containers not covered by the pod, in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> {})
                        .container("a", c -> c.runAsNonRoot = true)
                        .container("b")
                        .initContainer("i", c -> {})),
            "pod or containers \"i\", \"b\", \"e\" must set securityContext.runAsNonRoot=true"),
        CheckCase.fails(
            "pod false fails even when every container sets true",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a", c -> c.runAsNonRoot = true);
                }),
            POD_MUST_NOT),
        CheckCase.fails(
            "pod false and unset containers: the explicit false wins",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a");
                }),
            POD_MUST_NOT),
        CheckCase.fails(
            "container false under a pod true",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.container("a").container("b", c -> c.runAsNonRoot = false);
                }),
            "container \"b\" must not set securityContext.runAsNonRoot=false"),
        CheckCase.fails(
            "explicit false wins over unset containers",
            pod(
                p ->
                    p.container("a", c -> c.runAsNonRoot = false)
                        .container("b")
                        .container("c", c -> c.runAsNonRoot = false)),
            "containers \"a\", \"c\" must not set securityContext.runAsNonRoot=false"),
        CheckCase.fails(
            "pod and containers false, pod first",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a", c -> c.runAsNonRoot = false).container("b");
                }),
            "pod and container \"a\" must not set securityContext.runAsNonRoot=false"),
        CheckCase.fails(
            "a user namespace does not help before v1.35",
            inUserNamespace(false, null),
            "pod or container \"a\" must set securityContext.runAsNonRoot=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_0")
  void v1_0Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(RunAsNonRootCheck.v1_0(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> v1_35() {
    return Stream.of(
        CheckCase.passes("hostUsers false skips the check", inUserNamespace(false, false)),
        CheckCase.fails(
            "hostUsers true is checked",
            inUserNamespace(true, false),
            "container \"a\" must not set securityContext.runAsNonRoot=false"),
        CheckCase.fails("hostUsers unset is checked", inUserNamespace(null, null), A_MUST_SET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_35")
  void v1_35Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(RunAsNonRootCheck.v1_35(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod userNamespace = inUserNamespace(false, null);
    String failure = REASON + " (" + A_MUST_SET + ")";
    return Stream.of(
        CheckCase.fails("restricted:v1.0", userNamespace, failure),
        CheckCase.passes("baseline:latest", userNamespace),
        CheckCase.fails("restricted:v1.34", userNamespace, failure),
        CheckCase.passes("restricted:v1.35", userNamespace),
        CheckCase.passes("restricted:latest", userNamespace),
        CheckCase.fails("restricted:latest", inUserNamespace(true, null), failure));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForce(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new RunAsNonRootCheck(), expected);
  }

  @Test
  void missingValueNamesThePodFieldFirstThenEachContainer() {
    CheckResult result =
        RunAsNonRootCheck.v1_0(
            pod(p -> p.container("ok", c -> c.runAsNonRoot = true).container("a")));
    assertThat(result.containers()).containsExactly("a");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.securityContext.runAsNonRoot", "spec.containers[1].securityContext.runAsNonRoot");
  }

  @Test
  void explicitFalseNamesOnlyTheFalseFields() {
    CheckResult result =
        RunAsNonRootCheck.v1_0(
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("unset").initContainer("i", c -> c.runAsNonRoot = false);
                }));
    assertThat(result.containers()).containsExactly("i");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.securityContext.runAsNonRoot",
            "spec.initContainers[0].securityContext.runAsNonRoot");
  }

  /** One container "a" with {@code runAsNonRoot} as given, in a pod with {@code hostUsers}. */
  private static Pod inUserNamespace(Boolean hostUsers, Boolean runAsNonRoot) {
    return pod(
        p -> {
          p.hostUsers = hostUsers;
          p.container("a", c -> c.runAsNonRoot = runAsNonRoot);
        });
  }
}
