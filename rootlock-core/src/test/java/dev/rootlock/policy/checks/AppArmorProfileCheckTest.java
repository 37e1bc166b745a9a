package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link AppArmorProfileCheck}. */
class AppArmorProfileCheckTest {

  private static final String PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  private static final AppArmorProfile UNCONFINED = new AppArmorProfile("Unconfined", null);
  private static final String ONE = "forbidden AppArmor profile";
  private static final String MANY = "forbidden AppArmor profiles";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("nothing set", pod(p -> p.container("a"))),
        CheckCase.passes(
            "allowed types on pod and container",
            pod(
                p -> {
                  p.appArmorProfile = new AppArmorProfile("RuntimeDefault", null);
                  p.container("a", c -> c.appArmorProfile = new AppArmorProfile("Localhost", "x"));
                })),
        CheckCase.passes(
            "allowed annotation values and unrelated annotations",
            pod(
                p -> {
                  p.annotations.put(PREFIX + "a", "");
                  p.annotations.put(PREFIX + "b", "runtime/default");
                  p.annotations.put(PREFIX + "c", "localhost/");
                  p.annotations.put(PREFIX + "d", "localhost/foo");
                  p.annotations.put("env", "unconfined");
                  p.annotations.put("Container.apparmor.security.beta.kubernetes.io/e", "bad");
                  p.container("a");
                })),
        CheckCase.fails(
            "pod",
            pod(p -> p.appArmorProfile = UNCONFINED),
            ONE,
            "pod must not set AppArmor profile type to \"Unconfined\""),
        CheckCase.fails(
            "init container",
            pod(p -> p.container("c").initContainer("i", c -> c.appArmorProfile = UNCONFINED)),
            ONE,
            "container \"i\" must not set AppArmor profile type to \"Unconfined\""),
        CheckCase.fails(
            "a profile without a type is bad, printed empty",
            pod(p -> p.container("a", c -> c.appArmorProfile = new AppArmorProfile(null, null))),
            ONE,
            "container \"a\" must not set AppArmor profile type to \"\""),
        CheckCase.fails(
            "one distinct value from pod and containers is singular",
            pod(
                p -> {
                  p.appArmorProfile = UNCONFINED;
                  p.container("a", c -> c.appArmorProfile = UNCONFINED);
                  p.ephemeralContainer("e", c -> c.appArmorProfile = UNCONFINED);
                }),
            ONE,
            "pod and containers \"a\", \"e\" must not set AppArmor profile type to \"Unconfined\""),
        CheckCase.fails(
            "types are a sorted set, containers in visiting order",
            pod(
                p -> {
                  p.appArmorProfile = new AppArmorProfile("unconfined", null);
                  p.ephemeralContainer("e", c -> c.appArmorProfile = UNCONFINED);
                  p.container("c", c -> c.appArmorProfile = new AppArmorProfile("Bogus", null));
                  p.initContainer("i", c -> c.appArmorProfile = UNCONFINED);
                }),
            MANY,
            "pod and containers \"i\", \"c\", \"e\" must not set AppArmor profile type to "
                + "\"Bogus\", \"Unconfined\", \"unconfined\""),
        CheckCase.fails(
            "one annotation is double-quoted",
            pod(p -> p.annotations.put(PREFIX + "e", "unconfined")),
            ONE,
            "annotation must not set AppArmor profile type to "
                + "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\""),
        CheckCase.fails(
            "annotations sorted, any suffix, even empty or no such container",
            pod(
                p -> {
                  p.annotations.put(PREFIX + "f", "unknown");
                  p.annotations.put(PREFIX + "b", "runtime/default");
                  p.annotations.put(PREFIX + "e", "unconfined");
                  p.annotations.put(PREFIX, "bogus");
                }),
            MANY,
            "annotations must not set AppArmor profile type to "
                + "\"container.apparmor.security.beta.kubernetes.io/=\"bogus\"\", "
                + "\"container.apparmor.security.beta.kubernetes.io/e=\"unconfined\"\", "
                + "\"container.apparmor.security.beta.kubernetes.io/f=\"unknown\"\""),
        CheckCase.fails(
            "annotation values are escaped as Go's %q",
            pod(p -> p.annotations.put(PREFIX + "a", "un\"conf\\ined\n")),
            ONE,
            "annotation must not set AppArmor profile type to "
                + "\"container.apparmor.security.beta.kubernetes.io/a=\"un\\\"conf\\\\ined\\n\"\""),
        CheckCase.fails(
            "pod, container and annotation: fields before annotations",
            pod(
                p -> {
                  p.annotations.put(PREFIX + "c", "unconfined");
                  p.appArmorProfile = UNCONFINED;
                  p.container("c", c -> c.appArmorProfile = UNCONFINED);
                }),
            MANY,
            "pod and container \"c\" and annotation must not set AppArmor profile type to"
                + " \"Unconfined\","
                + " \"container.apparmor.security.beta.kubernetes.io/c=\"unconfined\"\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(AppArmorProfileCheck.v1_0(expected.subject()), expected, null);
  }

  @Test
  void namesTheContainersAndFieldsInDetailOrder() {
    CheckResult result =
        AppArmorProfileCheck.v1_0(
            pod(
                p -> {
                  p.annotations.put(PREFIX + "z", "unconfined");
                  p.annotations.put(PREFIX + "y", "unconfined");
                  p.appArmorProfile = UNCONFINED;
                  p.container("a").container("b", c -> c.appArmorProfile = UNCONFINED);
                  p.initContainer("i", c -> c.appArmorProfile = UNCONFINED);
                }));
    assertThat(result.containers()).containsExactly("i", "b");
    assertThat(result.fields().stream().map(FieldPath::toString))
        .containsExactly(
            "spec.securityContext.appArmorProfile.type",
            "spec.initContainers[0].securityContext.appArmorProfile.type",
            "spec.containers[1].securityContext.appArmorProfile.type",
            "metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/y\"]",
            "metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/z\"]");
    assertThat(result.fields().get(3))
        .isEqualTo(FieldPath.of("metadata", "annotations").key(PREFIX + "y"));
  }

  @Test
  void annotationOnlyFaultNamesNoContainer() {
    CheckResult result =
        AppArmorProfileCheck.v1_0(
            pod(p -> p.container("a").annotations.put(PREFIX + "a", "unconfined")));
    assertThat(result.containers()).isEmpty();
    assertThat(result.fields())
        .containsExactly(FieldPath.of("metadata", "annotations").key(PREFIX + "a"));
  }
}
