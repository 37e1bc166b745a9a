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

/** Tests for {@link RunAsNonRootCheck}. */
class RunAsNonRootCheckTest {

  private static final String REASON = "runAsNonRoot != true";
  private static final String A_MUST_SET =
      "pod or container \"a\" must set securityContext.runAsNonRoot=true";
  private static final String POD_MUST_NOT = "pod must not set securityContext.runAsNonRoot=false";

  static Stream<Arguments> v1_0() {
    return Stream.of(
        Arguments.of("no containers and nothing set", pod(p -> {}), null),
        Arguments.of(
            "pod true, containers inherit it",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.initContainer("i", c -> {}).container("a");
                }),
            null),
        Arguments.of(
            "every container true",
            pod(
                p ->
                    p.initContainer("i", c -> c.runAsNonRoot = true)
                        .container("a", c -> c.runAsNonRoot = true)),
            null),
        Arguments.of(
            "pod and container true",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.container("a", c -> c.runAsNonRoot = true);
                }),
            null),
        Arguments.of("nothing set", pod(p -> p.container("a")), A_MUST_SET),
        Arguments.of(
            "runAsUser is not considered",
            pod(
                p -> {
                  p.runAsUser = 1000L;
                  p.container("a", c -> c.runAsUser = 1000L);
                }),
            A_MUST_SET),
        Arguments.of(
            "unset containers not covered by the pod, in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> {})
                        .container("a", c -> c.runAsNonRoot = true)
                        .container("b")
                        .initContainer("i", c -> {})),
            "pod or containers \"i\", \"b\", \"e\" must set securityContext.runAsNonRoot=true"),
        Arguments.of(
            "pod false fails even when every container sets true",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a", c -> c.runAsNonRoot = true);
                }),
            POD_MUST_NOT),
        Arguments.of(
            "pod false and unset containers: the explicit false wins",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a");
                }),
            POD_MUST_NOT),
        Arguments.of(
            "container false under a pod true",
            pod(
                p -> {
                  p.runAsNonRoot = true;
                  p.container("a").container("b", c -> c.runAsNonRoot = false);
                }),
            "container \"b\" must not set securityContext.runAsNonRoot=false"),
        Arguments.of(
            "explicit false wins over unset containers",
            pod(
                p ->
                    p.container("a", c -> c.runAsNonRoot = false)
                        .container("b")
                        .container("c", c -> c.runAsNonRoot = false)),
            "containers \"a\", \"c\" must not set securityContext.runAsNonRoot=false"),
        Arguments.of(
            "pod and containers false, pod first",
            pod(
                p -> {
                  p.runAsNonRoot = false;
                  p.container("a", c -> c.runAsNonRoot = false).container("b");
                }),
            "pod and container \"a\" must not set securityContext.runAsNonRoot=false"),
        Arguments.of(
            "a user namespace does not help before v1.35",
            inUserNamespace(false, null),
            "pod or container \"a\" must set securityContext.runAsNonRoot=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_0")
  void v1_0Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(RunAsNonRootCheck.v1_0(pod), expectedDetail);
  }

  static Stream<Arguments> v1_35() {
    return Stream.of(
        Arguments.of("hostUsers false skips the check", inUserNamespace(false, false), null),
        Arguments.of(
            "hostUsers true is checked",
            inUserNamespace(true, false),
            "container \"a\" must not set securityContext.runAsNonRoot=false"),
        Arguments.of("hostUsers unset is checked", inUserNamespace(null, null), A_MUST_SET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_35")
  void v1_35Detail(String name, Pod pod, String expectedDetail) {
    assertDetail(RunAsNonRootCheck.v1_35(pod), expectedDetail);
  }

  static Stream<Arguments> versions() {
    Pod userNamespace = inUserNamespace(false, null);
    String failure = REASON + " (" + A_MUST_SET + ")";
    return Stream.of(
        Arguments.of("restricted:v1.0", userNamespace, failure),
        Arguments.of("baseline:latest", userNamespace, ""),
        Arguments.of("restricted:v1.34", userNamespace, failure),
        Arguments.of("restricted:v1.35", userNamespace, ""),
        Arguments.of("restricted:latest", userNamespace, ""),
        Arguments.of("restricted:latest", inUserNamespace(true, null), failure));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("versions")
  void versionInForce(String levelVersion, Pod pod, String expectedDetail) {
    assertThat(OneCheckRegistry.detail(new RunAsNonRootCheck(), levelVersion, pod))
        .isEqualTo(expectedDetail);
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
