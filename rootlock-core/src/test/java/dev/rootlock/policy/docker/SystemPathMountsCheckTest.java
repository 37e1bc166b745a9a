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

/** Tests for {@link SystemPathMountsCheck}. */
class SystemPathMountsCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("no mounts", service(s -> {})),
        CheckCase.passes("data volume", service(s -> s.volume("data", "/app/data", false))),
        CheckCase.passes(
            "read-only /etc bind",
            service(s -> s.bind("./nginx.conf", "/etc/nginx/nginx.conf", true))),
        CheckCase.passes(
            "a sibling named like /etc", service(s -> s.volume("x", "/etcetera", false))),
        CheckCase.passes(
            "/var is not a system path", service(s -> s.volume("x", "/var/lib/app", false))),
        CheckCase.passes("tmpfs at /tmp", service(s -> s.tmpfs("/tmp:size=1m"))),
        CheckCase.passes(
            "a relative target is not judged", service(s -> s.volume("x", "etc", false))),
        CheckCase.fails(
            "a writable config dir under /etc",
            service(s -> s.bind("./conf.d", "/etc/nginx/conf.d", false)),
            "service \"api\" must mount \"/etc/nginx/conf.d\" read-only"),
        CheckCase.fails(
            "a named volume over /usr/local/bin",
            service(s -> s.volume("tools", "/usr/local/bin", false)),
            "service \"api\" must mount \"/usr/local/bin\" read-only"),
        CheckCase.fails(
            "the root itself, written oddly",
            service(s -> s.bind("/srv", "//", false)),
            "service \"api\" must mount \"//\" read-only"),
        CheckCase.fails(
            "/lib64 and /sbin/ with a trailing slash",
            service(s -> s.volume("a", "/lib64", false).volume("b", "/sbin/", false)),
            "service \"api\" must mount \"/lib64\", \"/sbin/\" read-only"),
        CheckCase.fails(
            "climbing out with ..",
            service(s -> s.volume("a", "/data/../etc", false)),
            "service \"api\" must mount \"/data/../etc\" read-only"),
        CheckCase.fails(
            "a writable tmpfs over /etc",
            service(s -> s.tmpfs("/etc/app:size=1m")),
            "service \"api\" must mount \"/etc/app\" read-only"),
        CheckCase.fails(
            "a PATH directory the service sets",
            service(
                s -> {
                  s.b.pathEnv = "/opt/app/bin:$PATH:relative";
                  s.volume("plugins", "/opt/app/bin/plugins", false);
                }),
            "service \"api\" must mount \"/opt/app/bin/plugins\" read-only"),
        CheckCase.fails(
            "docker run",
            run(s -> s.bind("/host/etc", "/etc", false)),
            "container \"api\" must mount \"/etc\" read-only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        SystemPathMountsCheck.v1_0(expected.subject()), expected, "writable system paths");
  }

  @Test
  void namesMountsThenTmpfs() {
    CheckResult result =
        SystemPathMountsCheck.v1_0(
            service(s -> s.tmpfs("/etc/x:size=1m").volume("a", "/usr", false)));
    assertThat(result.fields())
        .containsExactly(FieldPath.of("volumes").index(0), FieldPath.of("tmpfs").index(0));
  }
}
