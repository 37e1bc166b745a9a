package dev.rootlock.policy.docker;

import static dev.rootlock.testing.ServiceDraft.engine;
import static dev.rootlock.testing.ServiceDraft.run;
import static dev.rootlock.testing.ServiceDraft.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RuntimeSocketCheck}. */
class RuntimeSocketCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("no mounts", service(s -> {})),
        CheckCase.passes(
            "the socket read-only", service(s -> s.bind("/var/run/docker.sock", "/s", true))),
        CheckCase.passes("the host root, writable", service(s -> s.bind("/", "/host", false))),
        CheckCase.fails(
            "the socket writable",
            service(s -> s.bind("/var/run/docker.sock", "/var/run/docker.sock", false)),
            "service \"api\" must mount container runtime socket \"/var/run/docker.sock\""
                + " read-only"),
        CheckCase.fails(
            "docker run, the directory holding it",
            run(s -> s.bind("/var/run", "/var/run", false)),
            "container \"api\" must mount container runtime socket \"/var/run\" read-only"),
        CheckCase.fails(
            "live container, two sockets",
            engine(
                s ->
                    s.bind("/run/containerd/containerd.sock", "/c", false)
                        .bind("/run/crio/crio.sock", "/r", false)),
            "container \"api\" must mount container runtime sockets"
                + " \"/run/containerd/containerd.sock\", \"/run/crio/crio.sock\" read-only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        RuntimeSocketCheck.v1_0(expected.subject()), expected, "writable runtime socket");
  }

  @Test
  void pointsAtTheWritableSocketMount() {
    CheckResult result =
        RuntimeSocketCheck.v1_0(
            service(
                s ->
                    s.bind("/var/run/docker.sock", "/a", true)
                        .bind("/run/docker.sock", "/b", false)));
    assertThat(result.fields()).containsExactly(FieldPath.of("volumes").index(1));
  }
}
