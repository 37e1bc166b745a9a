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

/** Tests for {@link SecurityOptCheck}. */
class SecurityOptCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unset", service(s -> {}), null),
        Arguments.of("no-new-privileges", service(s -> s.securityOpt("no-new-privileges")), null),
        Arguments.of(
            "a seccomp profile file", service(s -> s.securityOpt("seccomp=profile.json")), null),
        Arguments.of(
            "an AppArmor profile", service(s -> s.securityOpt("apparmor=docker-default")), null),
        Arguments.of(
            "an SELinux type", service(s -> s.securityOpt("label=type:svirt_apache_t")), null),
        Arguments.of(
            "a later seccomp entry wins",
            service(s -> s.securityOpt("seccomp=unconfined", "seccomp=profile.json")),
            null),
        Arguments.of(
            "keys are case-sensitive, as in Docker",
            service(s -> s.securityOpt("Seccomp=unconfined")),
            null),
        Arguments.of(
            "seccomp=unconfined",
            service(s -> s.securityOpt("seccomp=unconfined")),
            "service \"api\" must not include \"seccomp=unconfined\" in security_opt"),
        Arguments.of(
            "seccomp:unconfined (deprecated separator)",
            service(s -> s.securityOpt("seccomp:unconfined")),
            "service \"api\" must not include \"seccomp:unconfined\" in security_opt"),
        Arguments.of(
            "apparmor=unconfined",
            service(s -> s.securityOpt("apparmor=unconfined")),
            "service \"api\" must not include \"apparmor=unconfined\" in security_opt"),
        Arguments.of(
            "label:disable",
            service(s -> s.securityOpt("label:disable")),
            "service \"api\" must not include \"label:disable\" in security_opt"),
        Arguments.of(
            "the daemon's bare disable",
            service(s -> s.securityOpt("disable")),
            "service \"api\" must not include \"disable\" in security_opt"),
        Arguments.of(
            "systempaths=unconfined",
            service(s -> s.securityOpt("systempaths=unconfined")),
            "service \"api\" must not include \"systempaths=unconfined\" in security_opt"),
        Arguments.of(
            "several, sorted",
            service(
                s ->
                    s.securityOpt(
                        "seccomp=unconfined",
                        "label=disable",
                        "apparmor:unconfined",
                        "no-new-privileges")),
            "service \"api\" must not include \"apparmor:unconfined\", \"label=disable\","
                + " \"seccomp=unconfined\" in security_opt"),
        Arguments.of(
            "docker run",
            run(s -> s.securityOpt("apparmor=unconfined")),
            "container \"api\" must not include \"apparmor=unconfined\" in --security-opt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = SecurityOptCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("unconfined security options");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void namesTheEntriesInWrittenOrder() {
    CheckResult result =
        SecurityOptCheck.v1_0(
            service(
                s -> s.securityOpt("label=disable", "no-new-privileges", "seccomp=unconfined")));
    assertThat(result.fields())
        .containsExactly(
            FieldPath.of("security_opt").index(0), FieldPath.of("security_opt").index(2));
  }
}
