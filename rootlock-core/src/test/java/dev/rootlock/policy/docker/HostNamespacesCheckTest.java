package dev.rootlock.policy.docker;

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

/** Tests for {@link DockerHostNamespacesCheck}. */
class HostNamespacesCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("unset", service(s -> {})),
        CheckCase.passes("bridge network", service(s -> s.b.networkMode = "bridge")),
        CheckCase.passes("another container's pid", service(s -> s.b.pid = "container:db")),
        CheckCase.passes("another service's network", service(s -> s.b.networkMode = "service:db")),
        CheckCase.passes("case matters to Docker", service(s -> s.b.networkMode = "HOST")),
        CheckCase.passes("private ipc", service(s -> s.b.ipc = "private")),
        CheckCase.fails(
            "network_mode host",
            service(s -> s.b.networkMode = "host"),
            "service \"api\" must not set network_mode: host"),
        CheckCase.fails(
            "userns_mode host",
            service(s -> s.b.usernsMode = "host"),
            "service \"api\" must not set userns_mode: host"),
        CheckCase.fails(
            "all five in fixed order",
            service(
                s -> {
                  s.b.usernsMode = "host";
                  s.b.uts = "host";
                  s.b.ipc = "host";
                  s.b.pid = "host";
                  s.b.networkMode = "host";
                }),
            "service \"api\" must not set network_mode: host, pid: host, ipc: host, uts: host,"
                + " userns_mode: host"),
        CheckCase.fails(
            "docker run",
            run(
                s -> {
                  s.b.networkMode = "host";
                  s.b.pid = "host";
                }),
            "container \"api\" must not set --network host, --pid host"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        DockerHostNamespacesCheck.v1_0(expected.subject()), expected, "host namespaces");
  }

  @Test
  void namesEachHostField() {
    CheckResult result =
        DockerHostNamespacesCheck.v1_0(
            service(
                s -> {
                  s.b.ipc = "host";
                  s.b.networkMode = "host";
                }));
    assertThat(result.fields()).containsExactly(FieldPath.of("network_mode"), FieldPath.of("ipc"));
  }
}
