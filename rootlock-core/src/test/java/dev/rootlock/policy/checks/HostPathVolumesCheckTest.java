package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link HostPathVolumesCheck}. */
class HostPathVolumesCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no volumes", pod(p -> p.container("a")), null),
        Arguments.of(
            "other sources, and none at all",
            pod(p -> p.volume("c", "configMap").emptyDir("t", "Memory", null).volume("bare")),
            null),
        Arguments.of(
            "one", pod(p -> p.volume("c", "configMap").volume("h", "hostPath")), "volume \"h\""),
        Arguments.of(
            "several, in spec order",
            pod(p -> p.volume("z", "hostPath").volume("c", "secret").volume("a", "hostPath")),
            "volumes \"z\", \"a\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, Pod pod, String expectedDetail) {
    CheckResult result = HostPathVolumesCheck.v1_0(pod);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo("hostPath volumes");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
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
