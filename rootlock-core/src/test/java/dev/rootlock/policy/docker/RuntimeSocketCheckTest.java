package dev.rootlock.policy.docker;

import static dev.rootlock.testing.ServiceDraft.engine;
import static dev.rootlock.testing.ServiceDraft.run;
import static dev.rootlock.testing.ServiceDraft.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RuntimeSocketCheck}. */
class RuntimeSocketCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no mounts", service(s -> {}), null),
        Arguments.of(
            "the socket read-only", service(s -> s.bind("/var/run/docker.sock", "/s", true)), null),
        Arguments.of("the host root, writable", service(s -> s.bind("/", "/host", false)), null),
        Arguments.of(
            "the socket writable",
            service(s -> s.bind("/var/run/docker.sock", "/var/run/docker.sock", false)),
            "service \"api\" must mount container runtime socket \"/var/run/docker.sock\""
                + " read-only"),
        Arguments.of(
            "docker run, the directory holding it",
            run(s -> s.bind("/var/run", "/var/run", false)),
            "container \"api\" must mount container runtime socket \"/var/run\" read-only"),
        Arguments.of(
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
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = RuntimeSocketCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("writable runtime socket");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void pointsAtTheWritableSocketMount() {
    CheckResult result =
        RuntimeSocketCheck.v1_0(
            service(s -> s.bind("/var/run/docker.sock", "/a", true).bind("/run/docker.sock", "/b", false)));
    assertThat(result.fields()).containsExactly(FieldPath.of("volumes").index(1));
  }
}
