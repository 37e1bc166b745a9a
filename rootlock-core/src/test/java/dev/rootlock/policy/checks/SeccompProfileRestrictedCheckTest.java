package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SeccompProfileRestrictedCheck}. */
class SeccompProfileRestrictedCheckTest {

  private static final String REASON = "seccompProfile";
  private static final SeccompProfile RUNTIME_DEFAULT = new SeccompProfile("RuntimeDefault", null);
  private static final SeccompProfile LOCALHOST = new SeccompProfile("Localhost", "p.json");
  private static final SeccompProfile UNCONFINED = new SeccompProfile("Unconfined", null);
  private static final String A_MUST_SET =
      "pod or container \"a\" must set securityContext.seccompProfile.type to \"RuntimeDefault\""
          + " or \"Localhost\"";

  static Stream<CheckCase<Pod>> v1_19() {
    return Stream.of(
        CheckCase.passes("no containers and nothing set", pod(p -> {})),
        CheckCase.passes("pod RuntimeDefault", onPod(RUNTIME_DEFAULT)),
        CheckCase.passes("pod Localhost", onPod(LOCALHOST)),
        CheckCase.passes(
            "every container sets its own",
            pod(
                p ->
                    p.initContainer("i", c -> c.seccompProfile = LOCALHOST)
                        .container("a", c -> c.seccompProfile = RUNTIME_DEFAULT))),
        CheckCase.passes(
            "pod and container valid",
            pod(
                p -> {
                  p.seccompProfile = RUNTIME_DEFAULT;
                  p.container("a", c -> c.seccompProfile = LOCALHOST);
                })),
        CheckCase.fails("nothing set", pod(p -> p.container("a")), A_MUST_SET),
        CheckCase.fails(
            "annotations are ignored",
            pod(
                p -> {
                  p.annotations.put("seccomp.security.alpha.kubernetes.io/pod", "runtime/default");
                  p.container("a");
                }),
            A_MUST_SET),
        CheckCase.fails(
            "unset containers not covered by the pod, in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> {})
                        .container("a")
                        .container("ok", c -> c.seccompProfile = RUNTIME_DEFAULT)
                        .initContainer("i", c -> {})),
            "pod or containers \"i\", \"a\", \"e\" must set securityContext.seccompProfile.type"
                + " to \"RuntimeDefault\" or \"Localhost\""),
        CheckCase.fails(
            "pod Unconfined",
            onPod(UNCONFINED),
            "pod must not set securityContext.seccompProfile.type to \"Unconfined\""),
        CheckCase.fails(
            "pod Unconfined fails even when every container is valid",
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.container("a", c -> c.seccompProfile = RUNTIME_DEFAULT);
                }),
            "pod must not set securityContext.seccompProfile.type to \"Unconfined\""),
        CheckCase.fails(
            "container Unconfined under a valid pod",
            pod(
                p -> {
                  p.seccompProfile = RUNTIME_DEFAULT;
                  p.container("a").container("b", c -> c.seccompProfile = UNCONFINED);
                }),
            "container \"b\" must not set securityContext.seccompProfile.type to \"Unconfined\""),
        CheckCase.fails(
            "explicit bad types win over unset containers; a profile without type is \"\"",
            pod(
                p ->
                    p.container("a", c -> c.seccompProfile = UNCONFINED)
                        .container("b")
                        .container("c", c -> c.seccompProfile = new SeccompProfile(null, null))),
            "containers \"a\", \"c\" must not set securityContext.seccompProfile.type to \"\","
                + " \"Unconfined\""),
        CheckCase.fails(
            "pod and container bad, pod first, types as a byte-sorted set",
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.container("a")
                      .initContainer(
                          "i", c -> c.seccompProfile = new SeccompProfile("unconfined", null))
                      .container("b", c -> c.seccompProfile = UNCONFINED);
                }),
            "pod and containers \"i\", \"b\" must not set securityContext.seccompProfile.type to"
                + " \"Unconfined\", \"unconfined\""),
        CheckCase.fails("windows pods are checked before v1.25", onOs("windows"), A_MUST_SET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_19")
  void v1_19Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SeccompProfileRestrictedCheck.v1_19(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> v1_25() {
    return Stream.of(
        CheckCase.passes("windows pod is skipped", onOs("windows")),
        CheckCase.fails("linux pod is checked", onOs("linux"), A_MUST_SET),
        CheckCase.fails("pod without os is checked", pod(p -> p.container("a")), A_MUST_SET));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_25")
  void v1_25Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SeccompProfileRestrictedCheck.v1_25(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod linux = onOs("linux");
    Pod windows = onOs("windows");
    String failure = REASON + " (" + A_MUST_SET + ")";
    return Stream.of(
        CheckCase.fails("restricted:v1.18", linux, "baseline seccompProfile_baseline"),
        CheckCase.fails("restricted:v1.19", linux, failure),
        CheckCase.fails("baseline:v1.19", linux, "baseline seccompProfile_baseline"),
        CheckCase.fails("restricted:v1.24", windows, failure),
        CheckCase.passes("restricted:v1.25", windows),
        CheckCase.fails("restricted:v1.25", linux, failure),
        CheckCase.passes("restricted:latest", windows),
        CheckCase.fails("restricted:latest", linux, failure));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForceAndOverride(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new SeccompProfileRestrictedCheck(), expected);
  }

  @Test
  void missingProfileNamesThePodTypeFirstThenEachContainer() {
    CheckResult result =
        SeccompProfileRestrictedCheck.v1_19(
            pod(p -> p.container("ok", c -> c.seccompProfile = LOCALHOST).container("a")));
    assertThat(result.containers()).containsExactly("a");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.securityContext.seccompProfile.type",
            "spec.containers[1].securityContext.seccompProfile.type");
  }

  @Test
  void explicitBadTypeNamesOnlyTheBadFields() {
    CheckResult result =
        SeccompProfileRestrictedCheck.v1_19(
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.container("unset").container("b", c -> c.seccompProfile = UNCONFINED);
                }));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.securityContext.seccompProfile.type",
            "spec.containers[1].securityContext.seccompProfile.type");
  }

  private static Pod onPod(SeccompProfile profile) {
    return pod(
        p -> {
          p.seccompProfile = profile;
          p.container("a");
        });
  }

  /** A pod with one bare container "a" and {@code spec.os.name} set to {@code os}. */
  private static Pod onOs(String os) {
    return pod(
        p -> {
          p.osName = os;
          p.container("a");
        });
  }
}
