package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SensitiveHostPathsCheck}. */
class SensitiveHostPathsCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("no volumes", pod(p -> p.container("a"))),
        CheckCase.passes(
            "an ordinary hostPath",
            pod(
                p ->
                    p.hostPath("www", "/srv/www").container("a", c -> c.mount("www", "/w", null)))),
        CheckCase.fails(
                "the docker socket, read-only, at another container path",
                pod(
                    p ->
                        p.hostPath("sock", "/var/run/docker.sock")
                            .container("a", c -> c.mount("sock", "/tmp/d.sock", true))),
                "volume \"sock\" mounts host path \"/var/run/docker.sock\" (container runtime"
                    + " socket)")
            .naming(List.of("a"), List.of("spec.volumes[0].hostPath.path")),
        CheckCase.fails(
                "the containerd socket, declared but not mounted",
                pod(p -> p.hostPath("c", "/run/containerd/containerd.sock").container("a")),
                "volume \"c\" mounts host path \"/run/containerd/containerd.sock\""
                    + " (container runtime socket)")
            .naming(List.of(), List.of("spec.volumes[0].hostPath.path")),
        CheckCase.fails(
                "the host root, read-only",
                pod(
                    p ->
                        p.hostPath("host", "/")
                            .container("a", c -> c.mount("host", "/host", true))),
                "volume \"host\" mounts host path \"/\" (host root)")
            .naming(List.of("a"), List.of("spec.volumes[0].hostPath.path")),
        CheckCase.passes(
            "/proc read-only",
            pod(p -> p.hostPath("proc", "/proc").container("a", c -> c.mount("proc", "/p", true)))),
        CheckCase.fails(
                "/sys below, writable in one of two containers",
                pod(
                    p ->
                        p.hostPath("cg", "/sys/fs/cgroup")
                            .container("a", c -> c.mount("cg", "/cg", true))
                            .container("b", c -> c.mount("cg", "/cg", null))),
                "volume \"cg\" mounts host path \"/sys/fs/cgroup\" writable")
            .naming(List.of("b"), List.of("spec.volumes[0].hostPath.path")),
        CheckCase.fails(
                "several, in volume order",
                pod(
                    p ->
                        p.hostPath("dev", "/dev")
                            .emptyDir("tmp", "Memory", "1Mi")
                            .hostPath("run", "/var/run")
                            .initContainer("i", c -> c.mount("run", "/var/run", true))
                            .container(
                                "a", c -> c.mount("dev", "/dev", false).mount("run", "/r", null))),
                "volume \"dev\" mounts host path \"/dev\" writable, volume \"run\" mounts host path"
                    + " \"/var/run\" (container runtime socket)")
            .naming(
                List.of("i", "a"),
                List.of("spec.volumes[0].hostPath.path", "spec.volumes[2].hostPath.path")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(
        SensitiveHostPathsCheck.v1_0(expected.subject()), expected, "sensitive host paths");
  }
}
