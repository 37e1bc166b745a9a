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

/** Tests for {@link HostProbesAndHostLifecycleCheck}. */
class HostProbesAndHostLifecycleCheckTest {

  private static final String REASON = "probe or lifecycle host";

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no hosts", pod(p -> p.container("a"))),
        CheckCase.passes(
            "an empty host is allowed",
            pod(p -> p.container("a", c -> c.probeHost("livenessProbe.httpGet", "")))),
        CheckCase.fails(
            "one host",
            pod(p -> p.container("a", c -> c.probeHost("livenessProbe.httpGet", "invalid.host"))),
            "container \"a\" uses probe or lifecycle host \"invalid.host\""),
        CheckCase.fails(
            "loopback hosts are forbidden too, and sorted",
            pod(
                p ->
                    p.container(
                        "a",
                        c -> {
                          c.probeHost("livenessProbe.httpGet", "127.0.0.1");
                          c.probeHost("readinessProbe.tcpSocket", "localhost");
                          c.probeHost("startupProbe.httpGet", "::1");
                        })),
            "container \"a\" uses probe or lifecycle hosts \"127.0.0.1\", \"::1\", \"localhost\""),
        CheckCase.fails(
            "containers are a sorted set, not visiting order",
            pod(
                p ->
                    p.initContainer(
                            "invalid2", c -> c.probeHost("lifecycle.preStop.tcpSocket", "b.com"))
                        .container(
                            "invalid1", c -> c.probeHost("lifecycle.postStart.httpGet", "a.com"))
                        .container("valid")),
            "containers \"invalid1\", \"invalid2\" use probe or lifecycle hosts \"a.com\","
                + " \"b.com\""),
        CheckCase.fails(
            "a name twice counts once, and so does a host",
            pod(
                p ->
                    p.initContainer("x", c -> c.probeHost("livenessProbe.httpGet", "h"))
                        .container("x", c -> c.probeHost("startupProbe.tcpSocket", "h"))),
            "container \"x\" uses probe or lifecycle host \"h\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        HostProbesAndHostLifecycleCheck.v1_34(expected.subject()), expected, REASON);
  }

  @Test
  void doesNotExistBeforeV134() {
    Pod pod = pod(p -> p.container("a", c -> c.probeHost("livenessProbe.httpGet", "h")));
    HostProbesAndHostLifecycleCheck check = new HostProbesAndHostLifecycleCheck();
    assertThat(SingleCheck.atVersion(check, 33, pod)).isEqualTo(CheckResult.ALLOWED);
    assertThat(SingleCheck.atVersion(check, 34, pod).detail())
        .isEqualTo("container \"a\" uses probe or lifecycle host \"h\"");
    assertThat(check.definition().versions()).hasSize(1);
  }

  @Test
  void namesEachHostField() {
    CheckResult result =
        HostProbesAndHostLifecycleCheck.v1_34(
            pod(
                p ->
                    p.container("b", c -> c.probeHost("livenessProbe.httpGet", "x"))
                        .container("a", c -> c.probeHost("lifecycle.preStop.tcpSocket", "y"))));
    assertThat(result.containers()).containsExactly("a", "b");
    assertThat(result.fields())
        .containsExactly(
            FieldPath.of("spec", "containers").index(0).keys("livenessProbe", "httpGet", "host"),
            FieldPath.of("spec", "containers")
                .index(1)
                .keys("lifecycle", "preStop", "tcpSocket", "host"));
  }
}
