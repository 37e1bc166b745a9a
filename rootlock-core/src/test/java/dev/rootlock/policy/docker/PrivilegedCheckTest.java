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

/** Tests for {@link PrivilegedCheck}. */
class PrivilegedCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("unset", service(s -> {}), null),
        Arguments.of("false", service(s -> s.b.privileged = false), null),
        Arguments.of(
            "compose",
            service(s -> s.b.privileged = true),
            "service \"api\" must not set privileged: true"),
        Arguments.of(
            "docker run",
            run(s -> s.b.privileged = true),
            "container \"api\" must not set --privileged"),
        Arguments.of(
            "engine",
            engine(s -> s.b.privileged = true),
            "container \"api\" must not set HostConfig.Privileged=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = PrivilegedCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("privileged");
      assertThat(result.detail()).isEqualTo(expectedDetail);
    }
  }

  @Test
  void namesTheServiceAndField() {
    CheckResult result = PrivilegedCheck.v1_0(service(s -> s.b.privileged = true));
    assertThat(result.containers()).containsExactly("api");
    assertThat(result.fields()).containsExactly(FieldPath.of("privileged"));
  }
}
