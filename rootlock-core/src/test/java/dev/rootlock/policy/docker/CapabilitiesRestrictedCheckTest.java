package dev.rootlock.policy.docker;

import static dev.rootlock.testing.ServiceDraft.engine;
import static dev.rootlock.testing.ServiceDraft.run;
import static dev.rootlock.testing.ServiceDraft.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link DockerCapabilitiesRestrictedCheck}. */
class CapabilitiesRestrictedCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("drop ALL", service(s -> s.capDrop("ALL"))),
        CheckCase.passes("drop all, lower case", service(s -> s.capDrop("all"))),
        CheckCase.fails(
            "drop CAP_ALL, which the engine refuses",
            service(s -> s.capDrop("CAP_ALL")),
            "service \"api\" must set cap_drop: [ALL]"),
        CheckCase.passes(
            "drop ALL, add NET_BIND_SERVICE back",
            service(s -> s.capDrop("ALL").capAdd("cap_net_bind_service"))),
        CheckCase.fails(
            "nothing dropped", service(s -> {}), "service \"api\" must set cap_drop: [ALL]"),
        CheckCase.fails(
            "some dropped, not all",
            service(s -> s.capDrop("NET_RAW", "SYS_ADMIN")),
            "service \"api\" must set cap_drop: [ALL]"),
        CheckCase.fails(
            "a default added back",
            service(s -> s.capDrop("ALL").capAdd("CHOWN", "SETUID")),
            "service \"api\" must not include \"CHOWN\", \"SETUID\" in cap_add"),
        CheckCase.fails(
            "adding ALL undoes the drop",
            service(s -> s.capDrop("ALL").capAdd("ALL")),
            "service \"api\" must not include \"ALL\" in cap_add"),
        CheckCase.fails(
            "both parts",
            service(s -> s.capAdd("NET_BIND_SERVICE", "sys_admin")),
            "service \"api\" must set cap_drop: [ALL]; service \"api\" must not include"
                + " \"SYS_ADMIN\" in cap_add"),
        CheckCase.fails(
            "docker run",
            run(s -> s.capAdd("NET_ADMIN")),
            "container \"api\" must set --cap-drop ALL; container \"api\" must not include"
                + " \"NET_ADMIN\" in --cap-add"),
        CheckCase.fails(
            "engine", engine(s -> {}), "container \"api\" must set HostConfig.CapDrop=[ALL]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        DockerCapabilitiesRestrictedCheck.v1_0(expected.subject()),
        expected,
        "unrestricted capabilities");
  }

  @Test
  void pointsAtTheMissingListThenTheBadAdditions() {
    assertThat(DockerCapabilitiesRestrictedCheck.v1_0(service(s -> s.capAdd("CHOWN"))).fields())
        .containsExactly(FieldPath.of("cap_drop"), FieldPath.of("cap_add").index(0));
    assertThat(DockerCapabilitiesRestrictedCheck.v1_0(service(s -> s.capDrop("NET_RAW"))).fields())
        .containsExactly(FieldPath.of("cap_drop").index(0));
  }

  @Test
  void replacesTheBaselineCheck() {
    assertThat(new DockerCapabilitiesRestrictedCheck().definition().versions().get(0).overrides())
        .containsExactly(DockerCapabilitiesBaselineCheck.ID);
  }
}
