package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SeccompProfileBaselineCheck}. */
class SeccompProfileBaselineCheckTest {

  private static final String POD = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
  private static final SeccompProfile UNCONFINED = new SeccompProfile("Unconfined", null);

  static Stream<CheckCase<Pod>> annotationCases() {
    return Stream.of(
        CheckCase.passes("no annotations", pod(p -> p.container("a"))),
        CheckCase.passes(
            "allowed values",
            pod(
                p -> {
                  p.annotations.put(POD, "runtime/default");
                  p.annotations.put(CONTAINER + "a", "docker/default");
                  p.annotations.put(CONTAINER + "b", "localhost/profile.json");
                  p.container("a").container("b");
                })),
        CheckCase.passes(
            "annotations for containers not in the pod are ignored",
            pod(p -> p.container("a").annotations.put(CONTAINER + "gone", "unconfined"))),
        CheckCase.passes(
            "fields are ignored before v1.19",
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.container("a", c -> c.seccompProfile = UNCONFINED);
                })),
        CheckCase.fails(
            "pod annotation",
            pod(p -> p.annotations.put(POD, "unconfined")),
            "forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\""),
        CheckCase.fails(
            "an empty value is forbidden",
            pod(p -> p.annotations.put(POD, "")),
            "forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"\""),
        CheckCase.fails(
            "sorted by entry, unquoted, values escaped as Go's %q",
            pod(
                p -> {
                  p.annotations.put(POD, "unconfined");
                  p.annotations.put(CONTAINER + "b", "bo\"gus");
                  p.annotations.put(CONTAINER + "a", "unconfined");
                  p.container("b").initContainer("a", c -> {});
                }),
            "forbidden annotations "
                + "container.seccomp.security.alpha.kubernetes.io/a=\"unconfined\", "
                + "container.seccomp.security.alpha.kubernetes.io/b=\"bo\\\"gus\", "
                + "seccomp.security.alpha.kubernetes.io/pod=\"unconfined\""),
        CheckCase.fails(
            "two containers of one name give one entry",
            pod(
                p -> {
                  p.annotations.put(CONTAINER + "x", "unconfined");
                  p.initContainer("x", c -> {}).container("x");
                }),
            "forbidden annotation"
                + " container.seccomp.security.alpha.kubernetes.io/x=\"unconfined\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("annotationCases")
  void annotationsUntilV118(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SeccompProfileBaselineCheck.v1_0(expected.subject()), expected, "seccompProfile");
  }

  static Stream<CheckCase<Pod>> fieldCases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes(
            "allowed types",
            pod(
                p -> {
                  p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
                  p.container(
                      "a", c -> c.seccompProfile = new SeccompProfile("Localhost", "p.json"));
                })),
        CheckCase.passes(
            "annotations are ignored from v1.19",
            pod(p -> p.container("a").annotations.put(POD, "unconfined"))),
        CheckCase.fails(
            "pod",
            pod(p -> p.seccompProfile = UNCONFINED),
            "pod must not set securityContext.seccompProfile.type to \"Unconfined\""),
        CheckCase.fails(
            "a profile without a type is bad, printed empty",
            pod(p -> p.container("a", c -> c.seccompProfile = new SeccompProfile(null, null))),
            "container \"a\" must not set securityContext.seccompProfile.type to \"\""),
        CheckCase.fails(
            "pod and containers in visiting order, types a sorted set",
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.ephemeralContainer("e", c -> c.seccompProfile = UNCONFINED);
                  p.container("c", c -> c.seccompProfile = new SeccompProfile("Bogus", null));
                  p.initContainer("i", c -> c.seccompProfile = UNCONFINED);
                }),
            "pod and containers \"i\", \"c\", \"e\" must not set"
                + " securityContext.seccompProfile.type to \"Bogus\", \"Unconfined\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fieldCases")
  void fieldsFromV119(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SeccompProfileBaselineCheck.v1_19(expected.subject()), expected, "seccompProfile");
  }

  @Test
  void switchesFromAnnotationsToFieldsAtV119() {
    Pod pod =
        pod(
            p -> {
              p.annotations.put(POD, "unconfined");
              p.container("a", c -> c.seccompProfile = UNCONFINED);
            });
    SeccompProfileBaselineCheck check = new SeccompProfileBaselineCheck();
    assertThat(SingleCheck.atVersion(check, 18, pod).detail())
        .isEqualTo("forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\"");
    assertThat(SingleCheck.atVersion(check, 19, pod).detail())
        .isEqualTo(
            "container \"a\" must not set securityContext.seccompProfile.type to \"Unconfined\"");
  }

  @Test
  void annotationFaultsNameTheirContainersAndKeys() {
    CheckResult result =
        SeccompProfileBaselineCheck.v1_0(
            pod(
                p -> {
                  p.annotations.put(POD, "unconfined");
                  p.annotations.put(CONTAINER + "b", "unconfined");
                  p.annotations.put(CONTAINER + "a", "unconfined");
                  p.container("b").container("a");
                }));
    assertThat(result.containers()).containsExactly("a", "b");
    assertThat(result.fields())
        .containsExactly(
            FieldPath.of("metadata", "annotations").key(CONTAINER + "a"),
            FieldPath.of("metadata", "annotations").key(CONTAINER + "b"),
            FieldPath.of("metadata", "annotations").key(POD));
  }

  @Test
  void fieldFaultsNameTheTypeFields() {
    CheckResult result =
        SeccompProfileBaselineCheck.v1_19(
            pod(
                p -> {
                  p.seccompProfile = UNCONFINED;
                  p.container("a").container("b", c -> c.seccompProfile = UNCONFINED);
                }));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly(
            "spec.securityContext.seccompProfile.type",
            "spec.containers[1].securityContext.seccompProfile.type");
  }
}
