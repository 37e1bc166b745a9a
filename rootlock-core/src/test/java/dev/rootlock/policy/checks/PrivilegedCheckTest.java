package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link PrivilegedCheck}. */
class PrivilegedCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unset", pod(p -> p.container("a")), null),
        Arguments.of("false", pod(p -> p.container("a", c -> c.privileged = false)), null),
        Arguments.of(
            "one container",
            pod(p -> p.container("a").container("b", c -> c.privileged = true)),
            "container \"b\" must not set securityContext.privileged=true"),
        Arguments.of(
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
  void detail(String name, Pod pod, String expectedDetail) {
    CheckResult result = PrivilegedCheck.v1_0(pod);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo("privileged");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
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
