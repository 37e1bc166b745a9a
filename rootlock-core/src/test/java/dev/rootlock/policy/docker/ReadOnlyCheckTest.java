package dev.rootlock.policy.docker;

import static dev.rootlock.testing.ServiceDraft.engine;
import static dev.rootlock.testing.ServiceDraft.run;
import static dev.rootlock.testing.ServiceDraft.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.policy.CheckResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ReadOnlyCheck}. */
class ReadOnlyCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("true", service(s -> s.b.readOnly = true), null, null),
        Arguments.of(
            "unset",
            service(s -> {}),
            "read_only != true",
            "service \"api\" must set read_only: true"),
        Arguments.of(
            "false",
            service(s -> s.b.readOnly = false),
            "read_only != true",
            "service \"api\" must set read_only: true"),
        Arguments.of(
            "docker run",
            run(s -> s.b.readOnly = false),
            "--read-only != true",
            "container \"api\" must set --read-only"),
        Arguments.of(
            "engine",
            engine(s -> {}),
            "HostConfig.ReadonlyRootfs != true",
            "container \"api\" must set HostConfig.ReadonlyRootfs=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reasonAndDetail(
      String name, ContainerConfig config, String expectedReason, String expectedDetail) {
    CheckResult result = ReadOnlyCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo(expectedReason);
      assertThat(result.detail()).isEqualTo(expectedDetail);
      assertThat(result.fields()).containsExactly(FieldPath.of("read_only"));
    }
  }
}
