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

/** Tests for {@link DockerSensitiveHostPathsCheck}. */
class SensitiveHostPathsCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no mounts", service(s -> {}), null),
        Arguments.of("an ordinary bind", service(s -> s.bind("/srv/www", "/www", false)), null),
        Arguments.of(
            "a named volume called docker.sock",
            service(s -> s.volume("docker.sock", "/var/run/docker.sock", false)),
            null),
        Arguments.of("/proc read-only", service(s -> s.bind("/proc", "/host/proc", true)), null),
        Arguments.of(
            "the docker socket read-only, at another container path",
            service(s -> s.bind("/var/run/docker.sock", "/tmp/docker.sock", true)),
            "service \"api\" must not mount host path \"/var/run/docker.sock\""
                + " (container runtime socket)"),
        Arguments.of(
            "the podman socket, docker run",
            run(s -> s.bind("/run/podman/podman.sock", "/run/podman/podman.sock", false)),
            "container \"api\" must not mount host path \"/run/podman/podman.sock\""
                + " (container runtime socket)"),
        Arguments.of(
            "the host root read-only, live container",
            engine(s -> s.bind("/", "/host", true)),
            "container \"api\" must not mount host path \"/\" (host root)"),
        Arguments.of(
            "writable /sys below",
            service(s -> s.bind("/sys/fs/cgroup", "/sys/fs/cgroup", false)),
            "service \"api\" must not mount host path \"/sys/fs/cgroup\" writable"),
        Arguments.of(
            "several, sorted, each once",
            service(
                s ->
                    s.bind("/var/run/docker.sock", "/a", true)
                        .bind("/dev", "/dev", false)
                        .bind("/", "/host", true)
                        .bind("/var/run/docker.sock", "/b", false)
                        .bind("/proc", "/p", true)),
            "service \"api\" must not mount host paths \"/\" (host root), \"/dev\" writable,"
                + " \"/var/run/docker.sock\" (container runtime socket)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(String name, ContainerConfig config, String expectedDetail) {
    CheckResult result = DockerSensitiveHostPathsCheck.v1_0(config);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
    } else {
      assertThat(result.reason()).isEqualTo("sensitive host paths");
      assertThat(result.detail()).isEqualTo(expectedDetail);
      assertThat(result.containers()).containsExactly("api");
    }
  }

  @Test
  void namesEachOffendingMount() {
    CheckResult result =
        DockerSensitiveHostPathsCheck.v1_0(
            service(
                s ->
                    s.bind("/srv", "/srv", false)
                        .bind("/var/run/docker.sock", "/s", true)
                        .bind("/proc", "/p", true)
                        .bind("/", "/h", true)));
    assertThat(result.fields())
        .containsExactly(FieldPath.of("volumes").index(1), FieldPath.of("volumes").index(3));
  }
}
