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

/** Tests for {@link AllowPrivilegeEscalationCheck}. */
class AllowPrivilegeEscalationCheckTest {

  private static final String REASON = "allowPrivilegeEscalation != false";

  static Stream<CheckCase<Pod>> v1_8() {
    return Stream.of(
        CheckCase.passes("no containers", pod(p -> {})),
        CheckCase.passes(
            "false everywhere",
            pod(
                p ->
                    p.initContainer("i", c -> c.allowPrivilegeEscalation = false)
                        .container("a", c -> c.allowPrivilegeEscalation = false))),
        CheckCase.fails(
            "no securityContext",
            pod(p -> p.container("a")),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "securityContext without the field",
            pod(p -> p.container("a", c -> c.hasSecurityContext = true)),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "explicit true",
            pod(p -> p.container("a", c -> c.allowPrivilegeEscalation = true)),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "init, regular and ephemeral in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> {})
                        .container("ok", c -> c.allowPrivilegeEscalation = false)
                        .container("c", c -> c.allowPrivilegeEscalation = true)
                        .initContainer("i", c -> {})),
            "containers \"i\", \"c\", \"e\" must set"
                + " securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "duplicate names are kept",
            pod(p -> p.initContainer("a", c -> {}).container("a")),
            "containers \"a\", \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "windows pods are checked before v1.25",
            onOs("windows"),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_8")
  void v1_8Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        AllowPrivilegeEscalationCheck.v1_8(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> v1_25() {
    return Stream.of(
        CheckCase.passes("windows pod is skipped", onOs("windows")),
        CheckCase.fails(
            "linux pod is checked",
            onOs("linux"),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"),
        CheckCase.fails(
            "pod without os is checked",
            pod(p -> p.container("a")),
            "container \"a\" must set securityContext.allowPrivilegeEscalation=false"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_25")
  void v1_25Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        AllowPrivilegeEscalationCheck.v1_25(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    Pod linux = pod(p -> p.container("a"));
    Pod windows = onOs("windows");
    String failure =
        REASON + " (container \"a\" must set securityContext.allowPrivilegeEscalation=false)";
    return Stream.of(
        CheckCase.passes("restricted:v1.7", linux),
        CheckCase.fails("restricted:v1.8", linux, failure),
        CheckCase.passes("baseline:latest", linux),
        CheckCase.fails("restricted:v1.24", windows, failure),
        CheckCase.passes("restricted:v1.25", windows),
        CheckCase.fails("restricted:v1.25", linux, failure),
        CheckCase.passes("restricted:latest", windows),
        CheckCase.fails("restricted:latest", linux, failure));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForce(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new AllowPrivilegeEscalationCheck(), expected);
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
}
