package dev.rootlock.policy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Host paths that hand the host to whoever can reach them, whatever the rest of the configuration
 * says. Shared by the pod checks (hostPath volumes) and the Docker checks (bind mounts), which must
 * agree on what is sensitive.
 */
public final class HostPaths {

  /** What makes a host path sensitive, with the words a message uses for it. */
  public enum Kind {
    /** A container runtime's API socket, or a directory that holds one: root on the host. */
    RUNTIME_SOCKET("(container runtime socket)"),
    /** The host's root directory, which holds every secret and socket of the node. */
    HOST_ROOT("(host root)"),
    /** {@code /proc}, {@code /sys} or {@code /dev}, or below: the kernel's own interfaces. */
    KERNEL("writable");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How a message qualifies the quoted path: {@code "/proc" writable}. */
    public String words() {
      return words;
    }
  }

  /** The API sockets of Docker, containerd, CRI-O and Podman, matched by file name. */
  private static final Set<String> SOCKET_NAMES =
      Set.of("docker.sock", "containerd.sock", "crio.sock", "podman.sock");

  /** The directories that hold those sockets at their default places. */
  private static final Set<String> SOCKET_DIRECTORIES =
      Set.of(
          "/run",
          "/var/run",
          "/run/containerd",
          "/var/run/containerd",
          "/run/crio",
          "/var/run/crio",
          "/run/podman",
          "/var/run/podman");

  private static final Set<String> KERNEL_DIRECTORIES = Set.of("/proc", "/sys", "/dev");

  private HostPaths() {}

  /**
   * What makes {@code hostPath} sensitive, if anything. A relative or unset path is never
   * sensitive: only an absolute host path names the host's own files. {@link Kind#KERNEL} is
   * returned whether or not the mount is writable; the caller decides whether that matters.
   */
  public static Optional<Kind> classify(String hostPath) {
    String clean = clean(hostPath);
    if (clean == null) {
      return Optional.empty();
    }
    if (clean.equals("/")) {
      return Optional.of(Kind.HOST_ROOT);
    }
    String name = clean.substring(clean.lastIndexOf('/') + 1);
    if (SOCKET_NAMES.contains(name) || SOCKET_DIRECTORIES.contains(clean)) {
      return Optional.of(Kind.RUNTIME_SOCKET);
    }
    String top = "/" + clean.substring(1).split("/", 2)[0];
    if (KERNEL_DIRECTORIES.contains(top)) {
      return Optional.of(Kind.KERNEL);
    }
    return Optional.empty();
  }

  /**
   * The absolute path a runtime mounts: {@code //var/./run/docker.sock/} is {@code
   * /var/run/docker.sock}; {@code ..} never climbs above {@code /}. Null for a missing, empty or
   * relative path.
   */
  static String clean(String path) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
