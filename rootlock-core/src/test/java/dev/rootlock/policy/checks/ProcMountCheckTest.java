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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ProcMountCheck}. */
class ProcMountCheckTest {

  private static final String UNMASKED_A =
      "container \"a\" must not set securityContext.procMount to \"Unmasked\"";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes("Default", pod(p -> p.container("a", c -> c.procMount = "Default"))),
        CheckCase.fails(
            "Unmasked", pod(p -> p.container("a", c -> c.procMount = "Unmasked")), UNMASKED_A),
        CheckCase.fails(
            "an empty value is not Default",
            pod(p -> p.container("a", c -> c.procMount = "")),
            "container \"a\" must not set securityContext.procMount to \"\""),
        CheckCase.fails(
            "containers in visiting order, values a sorted set",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.procMount = "Unmasked")
                        .container("c", c -> c.procMount = "bogus")
                        .container("d", c -> c.procMount = "Default")
                        .initContainer("i", c -> c.procMount = "Unmasked")),
            "containers \"i\", \"c\", \"e\" must not set securityContext.procMount to "
                + "\"Unmasked\", \"bogus\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(ProcMountCheck.v1_0(expected.subject()), expected, "procMount");
  }

  static Stream<Arguments> userNamespaces() {
    return Stream.of(
        Arguments.of(34, false, UNMASKED_A),
        Arguments.of(35, false, null),
        Arguments.of(37, false, null),
        Arguments.of(34, true, UNMASKED_A),
        Arguments.of(35, true, UNMASKED_A),
        Arguments.of(35, null, UNMASKED_A));
  }

  @ParameterizedTest(name = "v1.{0} hostUsers={1}")
  @MethodSource("userNamespaces")
  void onlyExplicitHostUsersFalseRelaxesFromV135(int minor, Boolean hostUsers, String expected) {
    Pod pod =
        pod(
            p -> {
              p.hostUsers = hostUsers;
              p.container("a", c -> c.procMount = "Unmasked");
            });
    CheckResult result = SingleCheck.atVersion(new ProcMountCheck(), minor, pod);
    assertThat(result.detail()).isEqualTo(expected == null ? "" : expected);
    assertThat(result.allowed()).isEqualTo(expected == null);
  }

  @Test
  void namesTheOffendingFields() {
    CheckResult result =
        ProcMountCheck.v1_0(
            pod(p -> p.container("a").ephemeralContainer("e", c -> c.procMount = "Unmasked")));
    assertThat(result.containers()).containsExactly("e");
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly("spec.ephemeralContainers[0].securityContext.procMount");
  }
}
