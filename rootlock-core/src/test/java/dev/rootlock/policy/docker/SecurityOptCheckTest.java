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

/** Tests for {@link SecurityOptCheck}. */
class SecurityOptCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("unset", service(s -> {})),
        CheckCase.passes("no-new-privileges", service(s -> s.securityOpt("no-new-privileges"))),
        CheckCase.passes(
            "a seccomp profile file", service(s -> s.securityOpt("seccomp=profile.json"))),
        CheckCase.passes(
            "an AppArmor profile", service(s -> s.securityOpt("apparmor=docker-default"))),
        CheckCase.passes(
            "an SELinux type", service(s -> s.securityOpt("label=type:svirt_apache_t"))),
        CheckCase.passes(
            "a later seccomp entry wins",
            service(s -> s.securityOpt("seccomp=unconfined", "seccomp=profile.json"))),
        CheckCase.passes(
            "keys are case-sensitive, as in Docker",
            service(s -> s.securityOpt("Seccomp=unconfined"))),
        CheckCase.fails(
            "seccomp=unconfined",
            service(s -> s.securityOpt("seccomp=unconfined")),
            "service \"api\" must not include \"seccomp=unconfined\" in security_opt"),
        CheckCase.fails(
            "seccomp:unconfined (deprecated separator)",
            service(s -> s.securityOpt("seccomp:unconfined")),
            "service \"api\" must not include \"seccomp:unconfined\" in security_opt"),
        CheckCase.fails(
            "apparmor=unconfined",
            service(s -> s.securityOpt("apparmor=unconfined")),
            "service \"api\" must not include \"apparmor=unconfined\" in security_opt"),
        CheckCase.fails(
            "label:disable",
            service(s -> s.securityOpt("label:disable")),
            "service \"api\" must not include \"label:disable\" in security_opt"),
        CheckCase.fails(
            "the daemon's bare disable",
            service(s -> s.securityOpt("disable")),
            "service \"api\" must not include \"disable\" in security_opt"),
        CheckCase.fails(
            "systempaths=unconfined",
            service(s -> s.securityOpt("systempaths=unconfined")),
            "service \"api\" must not include \"systempaths=unconfined\" in security_opt"),
        CheckCase.fails(
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
        CheckCase.fails(
            "docker run",
            run(s -> s.securityOpt("apparmor=unconfined")),
            "container \"api\" must not include \"apparmor=unconfined\" in --security-opt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        SecurityOptCheck.v1_0(expected.subject()), expected, "unconfined security options");
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
