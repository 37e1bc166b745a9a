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

/** Tests for {@link NoNewPrivilegesCheck}. */
class NoNewPrivilegesCheckTest {

  private static final String COMPOSE_DETAIL =
      "service \"api\" must set security_opt: [no-new-privileges:true]";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("bare", service(s -> s.securityOpt("no-new-privileges")), null),
        Arguments.of("colon true", service(s -> s.securityOpt("no-new-privileges:true")), null),
        Arguments.of("equals true", service(s -> s.securityOpt("no-new-privileges=true")), null),
        Arguments.of("ParseBool's 1", service(s -> s.securityOpt("no-new-privileges=1")), null),
        Arguments.of(
            "ParseBool's TRUE", service(s -> s.securityOpt("no-new-privileges:TRUE")), null),
        Arguments.of(
            "last entry wins",
            service(s -> s.securityOpt("no-new-privileges=false", "no-new-privileges")),
            null),
        Arguments.of("unset", service(s -> {}), COMPOSE_DETAIL),
        Arguments.of(
            "false", service(s -> s.securityOpt("no-new-privileges:false")), COMPOSE_DETAIL),
        Arguments.of(
            "not a Go boolean",
            service(s -> s.securityOpt("no-new-privileges=yes")),
            COMPOSE_DETAIL),
        Arguments.of(
            "last entry false",
            service(s -> s.securityOpt("no-new-privileges", "no-new-privileges=0")),
            COMPOSE_DETAIL),
        Arguments.of(
            "other options only",
            service(s -> s.securityOpt("label=type:svirt_apache_t")),
            COMPOSE_DETAIL),
        Arguments.of(
            "docker run",
            run(s -> {}),
            "container \"api\" must set --security-opt no-new-privileges"),
        Arguments.of(
            "engine",
            engine(s -> {}),
            "container \"api\" must set HostConfig.SecurityOpt=[no-new-privileges]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = NoNewPrivilegesCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("no-new-privileges != true");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void pointsAtTheLastEntryOrTheList() {
    assertThat(
            NoNewPrivilegesCheck.v1_0(
                    service(s -> s.securityOpt("seccomp=x.json", "no-new-privileges=false")))
                .fields())
        .containsExactly(FieldPath.of("security_opt").index(1));
    assertThat(NoNewPrivilegesCheck.v1_0(service(s -> {})).fields())
        .containsExactly(FieldPath.of("security_opt"));
  }
}
