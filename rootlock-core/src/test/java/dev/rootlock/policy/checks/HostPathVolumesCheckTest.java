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

/** Tests for {@link HostPathVolumesCheck}. */
class HostPathVolumesCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no volumes", pod(p -> p.container("a"))),
        CheckCase.passes(
            "other sources, and none at all",
            pod(p -> p.volume("c", "configMap").emptyDir("t", "Memory", null).volume("bare"))),
        CheckCase.fails(
            "one", pod(p -> p.volume("c", "configMap").volume("h", "hostPath")), "volume \"h\""),
        CheckCase.fails(
            "several, in spec order",
            pod(p -> p.volume("z", "hostPath").volume("c", "secret").volume("a", "hostPath")),
            "volumes \"z\", \"a\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        HostPathVolumesCheck.v1_0(expected.subject()), expected, "hostPath volumes");
  }

  @Test
  void namesTheHostPathOfEachVolume() {
    CheckResult result =
        HostPathVolumesCheck.v1_0(
            pod(p -> p.volume("a", "hostPath").volume("c", "secret").volume("h", "hostPath")));
    assertThat(result.containers()).isEmpty();
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly("spec.volumes[0].hostPath", "spec.volumes[2].hostPath");
  }
}
