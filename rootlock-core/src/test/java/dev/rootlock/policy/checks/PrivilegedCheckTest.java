package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link PrivilegedCheck}. */
class PrivilegedCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes("false", pod(p -> p.container("a", c -> c.privileged = false))),
        CheckCase.fails(
            "one container",
            pod(p -> p.container("a").container("b", c -> c.privileged = true)),
            "container \"b\" must not set securityContext.privileged=true"),
        CheckCase.fails(
            "init, regular and ephemeral in visiting order",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.privileged = true)
                        .container("c", c -> c.privileged = true)
                        .initContainer("i", c -> c.privileged = true)),
            "containers \"i\", \"c\", \"e\" must not set securityContext.privileged=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(PrivilegedCheck.v1_0(expected.subject()), expected, "privileged");
  }

  @org.junit.jupiter.api.Test
  void namesTheOffendingFields() {
    CheckResult result =
        PrivilegedCheck.v1_0(
            pod(p -> p.container("a").initContainer("i", c -> c.privileged = true)));
    assertThat(result.containers()).containsExactly("i");
    assertThat(result.fields())
        .containsExactly(
            FieldPath.of("spec", "initContainers").index(0).keys("securityContext", "privileged"));
    assertThat(List.of(result.fields().get(0).toString()))
        .containsExactly("spec.initContainers[0].securityContext.privileged");
  }
}
