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

/** Tests for {@link NoNewPrivilegesCheck}. */
class NoNewPrivilegesCheckTest {

  private static final String COMPOSE_DETAIL =
      "service \"api\" must set security_opt: [no-new-privileges:true]";

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("bare", service(s -> s.securityOpt("no-new-privileges"))),
        CheckCase.passes("colon true", service(s -> s.securityOpt("no-new-privileges:true"))),
        CheckCase.passes("equals true", service(s -> s.securityOpt("no-new-privileges=true"))),
        CheckCase.passes("ParseBool's 1", service(s -> s.securityOpt("no-new-privileges=1"))),
        CheckCase.passes("ParseBool's TRUE", service(s -> s.securityOpt("no-new-privileges:TRUE"))),
        CheckCase.passes(
            "last entry wins",
            service(s -> s.securityOpt("no-new-privileges=false", "no-new-privileges"))),
        CheckCase.fails("unset", service(s -> {}), COMPOSE_DETAIL),
        CheckCase.fails(
            "false", service(s -> s.securityOpt("no-new-privileges:false")), COMPOSE_DETAIL),
        CheckCase.fails(
            "not a Go boolean",
            service(s -> s.securityOpt("no-new-privileges=yes")),
            COMPOSE_DETAIL),
        CheckCase.fails(
            "last entry false",
            service(s -> s.securityOpt("no-new-privileges", "no-new-privileges=0")),
            COMPOSE_DETAIL),
        CheckCase.fails(
            "other options only",
            service(s -> s.securityOpt("label=type:svirt_apache_t")),
            COMPOSE_DETAIL),
        CheckCase.fails(
            "docker run",
            run(s -> {}),
            "container \"api\" must set --security-opt no-new-privileges"),
        CheckCase.fails(
            "engine",
            engine(s -> {}),
            "container \"api\" must set HostConfig.SecurityOpt=[no-new-privileges]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        NoNewPrivilegesCheck.v1_0(expected.subject()), expected, "no-new-privileges != true");
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
