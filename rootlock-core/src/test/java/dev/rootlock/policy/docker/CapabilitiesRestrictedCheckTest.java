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

/** Tests for {@link CapabilitiesRestrictedCheck}. */
class CapabilitiesRestrictedCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("drop ALL", service(s -> s.capDrop("ALL")), null),
        Arguments.of("drop all, lower case", service(s -> s.capDrop("all")), null),
        Arguments.of(
            "drop CAP_ALL, which the engine refuses",
            service(s -> s.capDrop("CAP_ALL")),
            "service \"api\" must set cap_drop: [ALL]"),
        Arguments.of(
            "drop ALL, add NET_BIND_SERVICE back",
            service(s -> s.capDrop("ALL").capAdd("cap_net_bind_service")),
            null),
        Arguments.of(
            "nothing dropped", service(s -> {}), "service \"api\" must set cap_drop: [ALL]"),
        Arguments.of(
            "some dropped, not all",
            service(s -> s.capDrop("NET_RAW", "SYS_ADMIN")),
            "service \"api\" must set cap_drop: [ALL]"),
        Arguments.of(
            "a default added back",
            service(s -> s.capDrop("ALL").capAdd("CHOWN", "SETUID")),
            "service \"api\" must not include \"CHOWN\", \"SETUID\" in cap_add"),
        Arguments.of(
            "adding ALL undoes the drop",
            service(s -> s.capDrop("ALL").capAdd("ALL")),
            "service \"api\" must not include \"ALL\" in cap_add"),
        Arguments.of(
            "both parts",
            service(s -> s.capAdd("NET_BIND_SERVICE", "sys_admin")),
            "service \"api\" must set cap_drop: [ALL]; service \"api\" must not include"
                + " \"SYS_ADMIN\" in cap_add"),
        Arguments.of(
            "docker run",
            run(s -> s.capAdd("NET_ADMIN")),
            "container \"api\" must set --cap-drop ALL; container \"api\" must not include"
                + " \"NET_ADMIN\" in --cap-add"),
        Arguments.of(
            "engine", engine(s -> {}), "container \"api\" must set HostConfig.CapDrop=[ALL]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = CapabilitiesRestrictedCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("unrestricted capabilities");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void pointsAtTheMissingListThenTheBadAdditions() {
    assertThat(CapabilitiesRestrictedCheck.v1_0(service(s -> s.capAdd("CHOWN"))).fields())
        .containsExactly(FieldPath.of("cap_drop"), FieldPath.of("cap_add").index(0));
    assertThat(CapabilitiesRestrictedCheck.v1_0(service(s -> s.capDrop("NET_RAW"))).fields())
        .containsExactly(FieldPath.of("cap_drop").index(0));
  }

  @Test
  void replacesTheBaselineCheck() {
    assertThat(new CapabilitiesRestrictedCheck().definition().versions().get(0).overrides())
        .containsExactly(CapabilitiesBaselineCheck.ID);
  }
}
