package dev.rootlock.kube.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sensitiveHostPaths} in CEL: a hostPath volume whose absolute path, cleaned as the engine
 * cleans it (the same normalisation as {@link WritableSystemPathsCel}), is the host root or a
 * container runtime's socket (or its directory) fails however it is mounted; one under {@code
 * /proc}, {@code /sys} or {@code /dev} fails when some container mounts it writable. A path with
 * {@code ..} and more segments than the export resolves is refused, named {@code (unresolved)}.
 */
final class SensitiveHostPathsCel {

  static final String ID = "sensitiveHostPaths";

  static final List<String> SOCKET_NAMES =
      List.of("docker.sock", "containerd.sock", "crio.sock", "podman.sock");

  static final List<String> SOCKET_DIRECTORIES =
      List.of(
          "/run",
          "/var/run",
          "/run/containerd",
          "/var/run/containerd",
          "/run/crio",
          "/var/run/crio",
          "/run/podman",
          "/var/run/podman");

  static final List<String> KERNEL_DIRECTORIES = List.of("/proc", "/sys", "/dev");

  private static final String KERNEL = "writable";

  /** The engine's words for a cleaned path {@code p}, or {@code ''} when it is not sensitive. */
  private static final String WORDS =
      "p.startsWith('?') ? '(unresolved)'"
          + " : p == '/' ? '(host root)'"
          + " : p.substring(p.lastIndexOf('/') + 1) in "
          + literal(SOCKET_NAMES)
          + " || p in "
          + literal(SOCKET_DIRECTORIES)
          + " ? '(container runtime socket)'"
          + " : '/' + p.substring(1).split('/')[0] in "
          + literal(KERNEL_DIRECTORIES)
          + " ? '"
          + KERNEL
          + "' : ''";

  private static final String NAME = "(has(v.name) ? v.name : '')";

  /** Whether some container mounts volume {@code n} (writable only, when asked). */
  static String mounted(String n, boolean writableOnly) {
    String writable = writableOnly ? " && !(has(m.readOnly) && m.readOnly == true)" : "";
    return "("
        + PodSpecCel.eachContainerList(
                ".exists(c, has(c.volumeMounts) && c.volumeMounts.exists(m,"
                    + " (has(m.name) ? m.name : '') == "
                    + n
                    + writable
                    + "))")
            .replace(" : [])", " : false)")
            .replace(") + (", ") || (")
        + ")";
  }

  /**
   * {@code variables.sensitiveVolumes}: for each failing hostPath volume, in order, {@code [name,
   * path as written, words]}.
   */
  static final String SENSITIVE_VOLUMES =
      "has(variables.spec.volumes) ? variables.spec.volumes.filter(v, has(v.hostPath)"
          + " && has(v.hostPath.path) && v.hostPath.path.startsWith('/'))"
          + ".map(v, ["
          + NAME
          + ", v.hostPath.path, cel.bind(p, "
          + WritableSystemPathsCel.normalise("v.hostPath.path")
          + ", "
          + WORDS
          + ")])"
          + ".filter(t, t[2] != '' && (t[2] != '"
          + KERNEL
          + "' || "
          + mounted("t[0]", true)
          + ")) : []";

  private SensitiveHostPathsCel() {}

  static CelValidation validation() {
    return new CelValidation(
        ID,
        "size(variables.sensitiveVolumes) == 0",
        "'sensitive host paths (' + variables.sensitiveVolumes.map(t, 'volume \"' + t[0]"
            + " + '\" mounts host path \"' + t[1] + '\" ' + t[2]).join(', ') + ')'");
  }

  private static String literal(List<String> items) {
    return items.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
  }
}
