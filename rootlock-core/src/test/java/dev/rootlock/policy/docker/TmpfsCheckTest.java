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

/** Tests for {@link TmpfsCheck}. */
class TmpfsCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("no tmpfs", service(s -> {})),
        CheckCase.passes(
            "the seed's /tmp", service(s -> s.tmpfs("/tmp:rw,noexec,nosuid,size=64m"))),
        CheckCase.passes("size alone", service(s -> s.tmpfs("/run:size=1m"))),
        CheckCase.passes("a percentage is a bound", service(s -> s.tmpfs("/run:size=10%"))),
        CheckCase.passes(
            "long syntax size in bytes", service(s -> s.tmpfsVolume("/cache", "67108864"))),
        CheckCase.passes(
            "long syntax size with units", service(s -> s.tmpfsVolume("/cache", "64mb"))),
        CheckCase.passes("a read-only tmpfs needs no size", service(s -> s.tmpfs("/seed:ro"))),
        CheckCase.passes(
            "exec then noexec: the last wins", service(s -> s.tmpfs("/tmp:exec,noexec,size=1m"))),
        CheckCase.fails(
            "no options",
            service(s -> s.tmpfs("/tmp")),
            "service \"api\" must set a size on tmpfs \"/tmp\""),
        CheckCase.fails(
            "options without size, sorted",
            service(s -> s.tmpfs("/var/run:rw,noexec", "/run")),
            "service \"api\" must set a size on tmpfs \"/run\", \"/var/run\""),
        CheckCase.fails(
            "size=0 means no limit",
            service(s -> s.tmpfs("/tmp:size=0")),
            "service \"api\" must set a size on tmpfs \"/tmp\""),
        CheckCase.fails(
            "long syntax without size",
            service(s -> s.tmpfsVolume("/cache", null)),
            "service \"api\" must set a size on tmpfs \"/cache\""),
        CheckCase.fails(
            "exec",
            service(s -> s.tmpfs("/tmp:exec,size=64m")),
            "service \"api\" must not mount tmpfs \"/tmp\" with exec"),
        CheckCase.fails(
            "suid after nosuid",
            service(s -> s.tmpfs("/tmp:nosuid,suid,size=64m")),
            "service \"api\" must not mount tmpfs \"/tmp\" with suid"),
        CheckCase.fails(
            "every part, in order",
            service(s -> s.tmpfs("/a:exec,suid", "/b:size=1m,exec")),
            "service \"api\" must set a size on tmpfs \"/a\"; service \"api\" must not mount tmpfs"
                + " \"/a\", \"/b\" with exec; service \"api\" must not mount tmpfs \"/a\" with"
                + " suid"),
        CheckCase.fails(
            "docker run",
            run(s -> s.tmpfs("/tmp")),
            "container \"api\" must set a size on tmpfs \"/tmp\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(TmpfsCheck.v1_0(expected.subject()), expected, "unrestricted tmpfs");
  }

  @Test
  void namesEachOffendingMountOnce() {
    CheckResult result =
        TmpfsCheck.v1_0(service(s -> s.tmpfs("/ok:size=1m", "/a:exec").tmpfsVolume("/b", null)));
    assertThat(result.fields())
        .containsExactly(FieldPath.of("tmpfs").index(1), FieldPath.of("volumes").index(0));
  }
}
