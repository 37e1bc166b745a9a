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

/** Tests for {@link UserCheck}. */
class UserCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a uid", service(s -> s.b.user = "1000"), null),
        Arguments.of("uid:gid", service(s -> s.b.user = "10001:10001"), null),
        Arguments.of("a name", service(s -> s.b.user = "node"), null),
        Arguments.of("a non-root uid with the root group", service(s -> s.b.user = "1000:0"), null),
        Arguments.of("an uninterpolated variable", service(s -> s.b.user = "${UID:-1000}"), null),
        Arguments.of("unset", service(s -> {}), "service \"api\" must set user to a non-root UID"),
        Arguments.of(
            "empty",
            service(s -> s.b.user = ""),
            "service \"api\" must set user to a non-root UID"),
        Arguments.of(
            "root", service(s -> s.b.user = "root"), "service \"api\" must not set user: root"),
        Arguments.of("0", service(s -> s.b.user = "0"), "service \"api\" must not set user: 0"),
        Arguments.of(
            "0:0", service(s -> s.b.user = "0:0"), "service \"api\" must not set user: 0:0"),
        Arguments.of(
            "root with a group",
            service(s -> s.b.user = "root:staff"),
            "service \"api\" must not set user: root:staff"),
        Arguments.of(
            "000", service(s -> s.b.user = "000"), "service \"api\" must not set user: 000"),
        Arguments.of(
            "docker run unset",
            run(s -> {}),
            "container \"api\" must set --user to a non-root UID"),
        Arguments.of(
            "docker run root",
            run(s -> s.b.user = "0:0"),
            "container \"api\" must not set --user 0:0"),
        Arguments.of(
            "engine root",
            engine(s -> s.b.user = "root"),
            "container \"api\" must not set Config.User=root"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = UserCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("root user");
      assertThat(result.detail()).isEqualTo(expectedDetail);
      assertThat(result.fields()).containsExactly(FieldPath.of("user"));
    }
  }
}
