package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SensitiveHostPathsCheck}. */
class SensitiveHostPathsCheckTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no volumes", pod(p -> p.container("a")), null, List.of(), List.of()),
        Arguments.of(
            "an ordinary hostPath",
            pod(p -> p.hostPath("www", "/srv/www").container("a", c -> c.mount("www", "/w", null))),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "the docker socket, read-only, at another container path",
            pod(
                p ->
                    p.hostPath("sock", "/var/run/docker.sock")
                        .container("a", c -> c.mount("sock", "/tmp/d.sock", true))),
            "volume \"sock\" mounts host path \"/var/run/docker.sock\" (container runtime socket)",
            List.of("a"),
            List.of("spec.volumes[0].hostPath.path")),
        Arguments.of(
            "the containerd socket, declared but not mounted",
            pod(p -> p.hostPath("c", "/run/containerd/containerd.sock").container("a")),
            "volume \"c\" mounts host path \"/run/containerd/containerd.sock\""
                + " (container runtime socket)",
            List.of(),
            List.of("spec.volumes[0].hostPath.path")),
        Arguments.of(
            "the host root, read-only",
            pod(p -> p.hostPath("host", "/").container("a", c -> c.mount("host", "/host", true))),
            "volume \"host\" mounts host path \"/\" (host root)",
            List.of("a"),
            List.of("spec.volumes[0].hostPath.path")),
        Arguments.of(
            "/proc read-only",
            pod(p -> p.hostPath("proc", "/proc").container("a", c -> c.mount("proc", "/p", true))),
            null,
            List.of(),
            List.of()),
        Arguments.of(
            "/sys below, writable in one of two containers",
            pod(
                p ->
                    p.hostPath("cg", "/sys/fs/cgroup")
                        .container("a", c -> c.mount("cg", "/cg", true))
                        .container("b", c -> c.mount("cg", "/cg", null))),
            "volume \"cg\" mounts host path \"/sys/fs/cgroup\" writable",
            List.of("b"),
            List.of("spec.volumes[0].hostPath.path")),
        Arguments.of(
            "several, in volume order",
            pod(
                p ->
                    p.hostPath("dev", "/dev")
                        .emptyDir("tmp", "Memory", "1Mi")
                        .hostPath("run", "/var/run")
                        .initContainer("i", c -> c.mount("run", "/var/run", true))
                        .container("a", c -> c.mount("dev", "/dev", false).mount("run", "/r", null))),
            "volume \"dev\" mounts host path \"/dev\" writable, volume \"run\" mounts host path"
                + " \"/var/run\" (container runtime socket)",
            List.of("i", "a"),
            List.of("spec.volumes[0].hostPath.path", "spec.volumes[2].hostPath.path")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(
      String name, Pod pod, String expectedDetail, List<String> containers, List<String> fields) {
    CheckResult result = SensitiveHostPathsCheck.v1_0(pod);
    if (expectedDetail == null) {
      assertThat(result).isEqualTo(CheckResult.ALLOWED);
      return;
    }
    assertThat(result.reason()).isEqualTo("sensitive host paths");
    assertThat(result.detail()).isEqualTo(expectedDetail);
    assertThat(result.containers()).containsExactlyElementsOf(containers);
    assertThat(result.fields()).map(Object::toString).containsExactlyElementsOf(fields);
  }
}
