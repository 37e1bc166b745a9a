package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link HostNamespacesCheck}. */
class HostNamespacesCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("unset", pod(p -> p.container("a"))),
        CheckCase.passes(
            "all false",
            pod(
                p -> {
                  p.hostNetwork = false;
                  p.hostPID = false;
                  p.hostIPC = false;
                })),
        CheckCase.fails("hostNetwork", pod(p -> p.hostNetwork = true), "hostNetwork=true"),
        CheckCase.fails("hostPID", pod(p -> p.hostPID = true), "hostPID=true"),
        CheckCase.fails("hostIPC", pod(p -> p.hostIPC = true), "hostIPC=true"),
        CheckCase.fails(
            "PID and IPC",
            pod(
                p -> {
                  p.hostIPC = true;
                  p.hostPID = true;
                  p.hostNetwork = false;
                }),
            "hostPID=true, hostIPC=true"),
        CheckCase.fails(
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
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        HostNamespacesCheck.v1_0(expected.subject()), expected, "host namespaces");
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
