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

/** Tests for {@link DevicesCheck}. */
class DevicesCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("unset", service(s -> {})),
        CheckCase.fails(
            "one device",
            service(s -> s.device("/dev/fuse")),
            "service \"api\" must not include \"/dev/fuse\" in devices"),
        CheckCase.fails(
            "as written, sorted",
            service(s -> s.device("/dev/sda:/dev/xvda:rwm", "/dev/fuse", "vendor.com/gpu=all")),
            "service \"api\" must not include \"/dev/fuse\", \"/dev/sda:/dev/xvda:rwm\","
                + " \"vendor.com/gpu=all\" in devices"),
        CheckCase.fails(
            "docker run",
            run(s -> s.device("/dev/kvm")),
            "container \"api\" must not include \"/dev/kvm\" in --device"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(DevicesCheck.v1_0(expected.subject()), expected, "host devices");
  }

  @Test
  void namesEachDevice() {
    CheckResult result = DevicesCheck.v1_0(service(s -> s.device("/dev/a", "/dev/b")));
    assertThat(result.fields())
        .containsExactly(FieldPath.of("devices").index(0), FieldPath.of("devices").index(1));
  }
}
