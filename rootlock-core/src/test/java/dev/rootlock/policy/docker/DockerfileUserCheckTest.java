package dev.rootlock.policy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link DockerfileUserCheck}. */
class DockerfileUserCheckTest {

  private static DockerfileImage image(String name, String user) {
    return new DockerfileImage(name, 1, "alpine:3", user, List.of());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a uid", image("app", "10001"), null),
        Arguments.of("a name and group", image("app", "node:node"), null),
        Arguments.of("an unresolved argument", image("app", "${APP_UID}"), null),
        Arguments.of(
            "no USER", image("app", null), "stage \"app\" must set USER to a non-root UID"),
        Arguments.of("unnamed stage", image(null, null), "stage 1 must set USER to a non-root UID"),
        Arguments.of("root", image("app", "root"), "stage \"app\" must not set USER root"),
        Arguments.of("0:0", image(null, "0:0"), "stage 1 must not set USER 0:0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, DockerfileImage image, String expectedDetail) {
    CheckResult result = DockerfileUserCheck.v1_0(image);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("root user");
      assertThat(result.detail()).isEqualTo(expectedDetail);
      assertThat(result.fields()).containsExactly(FieldPath.of("USER"));
    }
  }

  @Test
  void runsFromRestrictedOnly() {
    DockerfileImage root = image("app", "root");
    assertThat(DockerfileChecks.registry().evaluate(LevelVersion.parse("baseline"), root).allowed())
        .isTrue();
    assertThat(DockerfileChecks.registry().evaluate(LevelVersion.parse("hardened"), root).detail())
        .isEqualTo("root user (stage \"app\" must not set USER root)");
  }
}
