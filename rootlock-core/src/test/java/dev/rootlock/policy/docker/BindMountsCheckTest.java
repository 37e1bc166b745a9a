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

/** Tests for {@link BindMountsCheck}. */
class BindMountsCheckTest {

  static Stream<CheckCase<ContainerConfig>> cases() {
    return Stream.of(
        CheckCase.passes("no mounts", service(s -> {})),
        CheckCase.passes("read-only bind", service(s -> s.bind("./config", "/app/config", true))),
        CheckCase.passes("a writable named volume", service(s -> s.volume("data", "/data", false))),
        CheckCase.fails(
            "a writable relative bind",
            service(s -> s.bind("./data", "/data", false)),
            "service \"api\" must mount host path \"./data\" read-only"),
        CheckCase.fails(
            "several, sorted and de-duplicated",
            service(
                s ->
                    s.bind("/var/run/docker.sock", "/var/run/docker.sock", false)
                        .bind("./data", "/data", false)
                        .bind("./data", "/backup", false)
                        .bind("./ro", "/ro", true)),
            "service \"api\" must mount host paths \"./data\", \"/var/run/docker.sock\" read-only"),
        CheckCase.fails(
            "docker run",
            run(s -> s.bind("/srv/www", "/usr/share/nginx/html", false)),
            "container \"api\" must mount host path \"/srv/www\" read-only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<ContainerConfig> expected) {
    SingleCheck.assertResult(
        BindMountsCheck.v1_0(expected.subject()), expected, "writable bind mounts");
  }

  @Test
  void namesEachWritableBind() {
    CheckResult result =
        BindMountsCheck.v1_0(
            service(
                s -> s.bind("./a", "/a", true).volume("v", "/v", false).bind("./b", "/b", false)));
    assertThat(result.fields()).containsExactly(FieldPath.of("volumes").index(2));
  }
}
