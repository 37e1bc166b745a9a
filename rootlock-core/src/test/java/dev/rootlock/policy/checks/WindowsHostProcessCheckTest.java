package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link WindowsHostProcessCheck}. */
class WindowsHostProcessCheckTest {

  private static final WindowsOptions HOST_PROCESS = new WindowsOptions(true);

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes(
            "false, or options without hostProcess",
            pod(
                p -> {
                  p.windowsOptions = new WindowsOptions(false);
                  p.container("a", c -> c.windowsOptions = new WindowsOptions(null));
                })),
        CheckCase.fails(
            "pod",
            pod(p -> p.windowsOptions = HOST_PROCESS),
            "pod must not set securityContext.windowsOptions.hostProcess=true"),
        CheckCase.fails(
            "one container",
            pod(p -> p.container("a").container("b", c -> c.windowsOptions = HOST_PROCESS)),
            "container \"b\" must not set securityContext.windowsOptions.hostProcess=true"),
        CheckCase.fails(
            "pod and containers in visiting order",
            pod(
                p -> {
                  p.windowsOptions = HOST_PROCESS;
                  p.ephemeralContainer("e", c -> c.windowsOptions = HOST_PROCESS);
                  p.container("c", c -> c.windowsOptions = HOST_PROCESS);
                  p.initContainer("i", c -> c.windowsOptions = HOST_PROCESS);
                }),
            "pod and containers \"i\", \"c\", \"e\" must not set "
                + "securityContext.windowsOptions.hostProcess=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        WindowsHostProcessCheck.v1_0(expected.subject()), expected, "hostProcess");
  }

  @Test
  void namesThePodAndContainerFields() {
    CheckResult result =
        WindowsHostProcessCheck.v1_0(
            pod(
                p -> {
                  p.windowsOptions = HOST_PROCESS;
                  p.container("a").container("b", c -> c.windowsOptions = HOST_PROCESS);
                }));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly(
            "spec.securityContext.windowsOptions.hostProcess",
            "spec.containers[1].securityContext.windowsOptions.hostProcess");
  }
}
