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

/** Tests for {@link DockerCapabilitiesBaselineCheck}. */
class CapabilitiesBaselineCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("unset", service(s -> {})),
        CheckCase.passes("a Docker default", service(s -> s.capAdd("CHOWN"))),
        CheckCase.passes("NET_RAW is a Docker default", service(s -> s.capAdd("NET_RAW"))),
        CheckCase.passes("CAP_ prefix, lower case", service(s -> s.capAdd("cap_net_bind_service"))),
        CheckCase.passes(
            "dropping is never a problem", service(s -> s.capDrop("SYS_ADMIN", "ALL"))),
        CheckCase.fails(
            "SYS_ADMIN",
            service(s -> s.capAdd("SYS_ADMIN")),
            "service \"api\" must not include \"SYS_ADMIN\" in cap_add"),
        CheckCase.fails(
            "any case, with or without CAP_, sorted and de-duplicated",
            service(s -> s.capAdd("cap_sys_ptrace", "CHOWN", "Net_Admin", "SYS_PTRACE")),
            "service \"api\" must not include \"NET_ADMIN\", \"SYS_PTRACE\" in cap_add"),
        CheckCase.fails(
            "ALL",
            service(s -> s.capAdd("all")),
            "service \"api\" must not include \"ALL\" in cap_add"),
        CheckCase.fails(
            "docker run",
            run(s -> s.capAdd("NET_ADMIN")),
            "container \"api\" must not include \"NET_ADMIN\" in --cap-add"),
        CheckCase.fails(
            "engine",
            engine(s -> s.capAdd("CAP_SYS_MODULE")),
            "container \"api\" must not include \"SYS_MODULE\" in HostConfig.CapAdd"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        DockerCapabilitiesBaselineCheck.v1_0(expected.subject()),
        expected,
        "non-default capabilities");
  }

  @Test
  void namesOnlyTheOffendingEntries() {
    CheckResult result =
        DockerCapabilitiesBaselineCheck.v1_0(service(s -> s.capAdd("CHOWN", "SYS_ADMIN")));
    assertThat(result.fields()).containsExactly(FieldPath.of("cap_add").index(1));
  }
}
