package dev.rootlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.policy.HostPaths.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link HostPaths}. */
class HostPathsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      nullValues = "none",
      value = {
        "/var/run/docker.sock, RUNTIME_SOCKET",
        "/run/docker.sock, RUNTIME_SOCKET",
        "//var/./run/docker.sock/, RUNTIME_SOCKET",
        "/run/containerd/containerd.sock, RUNTIME_SOCKET",
        "/run/k3s/containerd/containerd.sock, RUNTIME_SOCKET",
        "/var/run/crio/crio.sock, RUNTIME_SOCKET",
        "/run/user/1000/podman/podman.sock, RUNTIME_SOCKET",
        "/var/run, RUNTIME_SOCKET",
        "/run, RUNTIME_SOCKET",
        "/run/containerd, RUNTIME_SOCKET",
        "/, HOST_ROOT",
        "//, HOST_ROOT",
        "/etc/.., HOST_ROOT",
        "/proc, KERNEL",
        "/sys/fs/cgroup, KERNEL",
        "/dev, KERNEL",
        "/dev/shm, KERNEL",
        "/srv/www, none",
        "/run/secrets, none",
        "/var/lib/docker.socks, none",
        "/processes, none",
        "./docker.sock, none",
        "docker.sock, none",
        "'', none",
        "none, none",
      })
  void classifies(String path, Kind expected) {
    assertThat(HostPaths.classify(path).orElse(null)).isEqualTo(expected);
  }
}
