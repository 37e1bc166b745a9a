package dev.rootlock.policy.docker;

import static dev.rootlock.testing.ServiceDraft.engine;
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

/** Tests for {@link DockerPrivilegedCheck}. */
class PrivilegedCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("unset", service(s -> {})),
        CheckCase.passes("false", service(s -> s.b.privileged = false)),
        CheckCase.fails(
            "compose",
            service(s -> s.b.privileged = true),
            "service \"api\" must not set privileged: true"),
        CheckCase.fails(
            "docker run",
            run(s -> s.b.privileged = true),
            "container \"api\" must not set --privileged"),
        CheckCase.fails(
            "engine",
            engine(s -> s.b.privileged = true),
            "container \"api\" must not set HostConfig.Privileged=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        DockerPrivilegedCheck.v1_0(expected.subject()), expected, "privileged");
  }

  @Test
  void namesTheServiceAndField() {
    CheckResult result = DockerPrivilegedCheck.v1_0(service(s -> s.b.privileged = true));
    assertThat(result.containers()).containsExactly("api");
    assertThat(result.fields()).containsExactly(FieldPath.of("privileged"));
  }
}
