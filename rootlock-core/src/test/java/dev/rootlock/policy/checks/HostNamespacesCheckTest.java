package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link HostNamespacesCheck}. */
class HostNamespacesCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unset", pod(p -> p.container("a")), null),
        Arguments.of(
            "all false",
            pod(
                p -> {
                  p.hostNetwork = false;
                  p.hostPID = false;
                  p.hostIPC = false;
                }),
            null),
        Arguments.of("hostNetwork", pod(p -> p.hostNetwork = true), "hostNetwork=true"),
        Arguments.of("hostPID", pod(p -> p.hostPID = true), "hostPID=true"),
        Arguments.of("hostIPC", pod(p -> p.hostIPC = true), "hostIPC=true"),
        Arguments.of(
            "PID and IPC",
            pod(
                p -> {
                  p.hostIPC = true;
                  p.hostPID = true;
                  p.hostNetwork = false;
                }),
            "hostPID=true, hostIPC=true"),
        Arguments.of(
            "all three, in fixed order",
            pod(
                p -> {
                  p.hostIPC = true;
                  p.hostPID = true;
                  p.hostNetwork = true;
                }),
            "hostNetwork=true, hostPID=true, hostIPC=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, Pod pod, String expectedDetail) {
    CheckResult result = HostNamespacesCheck.v1_0(pod);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.allowed()).isFalse();
      assertThat(result.reason()).isEqualTo("host namespaces");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void namesThePodFieldsAndNoContainer() {
    CheckResult result =
        HostNamespacesCheck.v1_0(
            pod(
                p -> {
                  p.hostNetwork = true;
                  p.hostIPC = true;
                  p.container("a");
                }));
    assertThat(result.containers()).isEmpty();
    assertThat(result.fields())
        .containsExactly(FieldPath.of("spec", "hostNetwork"), FieldPath.of("spec", "hostIPC"));
  }
}
