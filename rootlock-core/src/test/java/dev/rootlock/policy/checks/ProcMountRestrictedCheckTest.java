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

/** Tests for {@link ProcMountRestrictedCheck}. */
class ProcMountRestrictedCheckTest {

  private static final String REASON = "procMount";
  private static final String A_UNMASKED =
      "container \"a\" must not set securityContext.procMount to \"Unmasked\"";

  static Stream<CheckCase<Pod>> v1_35() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a", c -> c.hasSecurityContext = true))),
        CheckCase.passes("Default", pod(p -> p.container("a", c -> c.procMount = "Default"))),
        CheckCase.fails("Unmasked", unmasked(null), A_UNMASKED),
        CheckCase.fails("Unmasked with hostUsers true", unmasked(true), A_UNMASKED),
        CheckCase.fails(
            "Unmasked in a user namespace is still forbidden", unmasked(false), A_UNMASKED),
        CheckCase.fails(
            "containers in visiting order, values as a sorted set",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.procMount = "Unmasked")
                        .container("ok", c -> c.procMount = "Default")
                        .container("c", c -> c.procMount = "")
                        .initContainer("i", c -> c.procMount = "Unmasked")),
            "containers \"i\", \"c\", \"e\" must not set securityContext.procMount to \"\","
                + " \"Unmasked\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("v1_35")
  void v1_35Detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(ProcMountRestrictedCheck.v1_35(expected.subject()), expected, REASON);
  }

  static Stream<CheckCase<Pod>> versions() {
    return Stream.of(
        CheckCase.fails("restricted:v1.34", unmasked(false), "baseline procMount"),
        CheckCase.fails("restricted:v1.35", unmasked(false), REASON + " (" + A_UNMASKED + ")"),
        CheckCase.fails("restricted:latest", unmasked(false), REASON + " (" + A_UNMASKED + ")"),
        CheckCase.fails("baseline:v1.35", unmasked(false), "baseline procMount"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("versions")
  void versionInForceAndOverride(CheckCase<Pod> expected) {
    SingleCheck.assertDecision(new ProcMountRestrictedCheck(), expected);
  }

  @Test
  void namesTheProcMountFields() {
    CheckResult result =
        ProcMountRestrictedCheck.v1_35(
            pod(
                p ->
                    p.container("ok")
                        .container("a", c -> c.procMount = "Unmasked")
                        .initContainer("i", c -> c.procMount = "Unmasked")));
    assertThat(result.containers()).containsExactly("i", "a");
    assertThat(result.fields())
        .map(Object::toString)
        .containsExactly(
            "spec.initContainers[0].securityContext.procMount",
            "spec.containers[1].securityContext.procMount");
  }

  /** One container "a" with an Unmasked /proc, and {@code spec.hostUsers} as given. */
  private static Pod unmasked(Boolean hostUsers) {
    return pod(
        p -> {
          p.hostUsers = hostUsers;
          p.container("a", c -> c.procMount = "Unmasked");
        });
  }
}
