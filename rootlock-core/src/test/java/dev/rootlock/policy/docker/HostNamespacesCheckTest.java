package dev.rootlock.policy.docker;

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

/** Tests for {@link HostNamespacesCheck}. */
class HostNamespacesCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unset", service(s -> {}), null),
        Arguments.of("bridge network", service(s -> s.b.networkMode = "bridge"), null),
        Arguments.of("another container's pid", service(s -> s.b.pid = "container:db"), null),
        Arguments.of(
            "another service's network", service(s -> s.b.networkMode = "service:db"), null),
        Arguments.of("case matters to Docker", service(s -> s.b.networkMode = "HOST"), null),
        Arguments.of("private ipc", service(s -> s.b.ipc = "private"), null),
        Arguments.of(
            "network_mode host",
            service(s -> s.b.networkMode = "host"),
            "service \"api\" must not set network_mode: host"),
        Arguments.of(
            "userns_mode host",
            service(s -> s.b.usernsMode = "host"),
            "service \"api\" must not set userns_mode: host"),
        Arguments.of(
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
        Arguments.of(
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
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = HostNamespacesCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("host namespaces");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void namesEachHostField() {
    CheckResult result =
        HostNamespacesCheck.v1_0(
            service(
                s -> {
                  s.b.ipc = "host";
                  s.b.networkMode = "host";
                }));
    assertThat(result.fields()).containsExactly(FieldPath.of("network_mode"), FieldPath.of("ipc"));
  }
}
