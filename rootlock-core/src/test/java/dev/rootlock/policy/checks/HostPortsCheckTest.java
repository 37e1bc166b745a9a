package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link HostPortsCheck}. */
class HostPortsCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no ports", pod(p -> p.container("a"))),
        CheckCase.passes(
            "container ports only, and hostPort 0",
            pod(
                p ->
                    p.container(
                        "a",
                        c -> {
                          c.ports.add(new ContainerPort(80, null));
                          c.hostPort(443, 0);
                        }))),
        CheckCase.fails(
            "one container, one port",
            pod(p -> p.container("a").container("b", c -> c.hostPort(20, 20))),
            "container \"b\" uses hostPort 20"),
        CheckCase.fails(
            "one container, ports sorted as text",
            pod(p -> p.container("a", c -> c.hostPort(8080, 8080).hostPort(443, 443))),
            "container \"a\" uses hostPorts 443, 8080"),
        CheckCase.fails(
            "two containers, one distinct port",
            pod(
                p ->
                    p.container("a", c -> c.hostPort(80, 80))
                        .container("b", c -> c.hostPort(81, 80))),
            "containers \"a\", \"b\" use hostPort 80"),
        CheckCase.fails(
            "the spec's example: distinct ports sorted",
            pod(
                p ->
                    p.container("a")
                        .container("b", c -> c.hostPort(1, 20).hostPort(2, 10))
                        .container("c", c -> c.hostPort(1, 30).hostPort(2, 20))),
            "containers \"b\", \"c\" use hostPorts 10, 20, 30"),
        CheckCase.fails(
            "text order puts 10 before 9",
            pod(p -> p.container("a", c -> c.hostPort(9, 9).hostPort(10, 10))),
            "container \"a\" uses hostPorts 10, 9"),
        CheckCase.fails(
            "visiting order: init, regular, ephemeral",
            pod(
                p ->
                    p.ephemeralContainer("e", c -> c.hostPort(3, 3))
                        .container("c", c -> c.hostPort(2, 2))
                        .initContainer("i", c -> c.hostPort(1, 1))),
            "containers \"i\", \"c\", \"e\" use hostPorts 1, 2, 3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(HostPortsCheck.v1_0(expected.subject()), expected, "hostPort");
  }

  @Test
  void namesEachOffendingHostPort() {
    CheckResult result =
        HostPortsCheck.v1_0(
            pod(
                p ->
                    p.container("a", c -> c.hostPort(80, 0))
                        .container("b", c -> c.hostPort(80, 0).hostPort(443, 443).hostPort(1, 1))));
    assertThat(result.containers()).containsExactly("b");
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly(
            "spec.containers[1].ports[1].hostPort", "spec.containers[1].ports[2].hostPort");
  }
}
