package dev.rootlock.kube.export;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code writableSystemPaths} in CEL: a writable mount whose path, normalised as the engine does
 * (empty and {@code .} segments dropped, {@code ..} resolved, never above {@code /}), is a system
 * directory, unless the volume is one the kubelet always mounts read-only.
 *
 * <p>CEL has no fold, so {@code ..} is resolved by position: with {@code d[i]} the depth after
 * segment {@code i} (+1 for a name, -1 for {@code ..}, unclamped), a name at {@code j} survives
 * exactly when no later depth falls below {@code d[j]}. Positions come from a literal index list of
 * {@value #MAX_SEGMENTS}; a path with {@code ..} and more segments than that is not resolved and is
 * refused, shown as {@code ?} and the path as written (the engine would resolve it).
 */
final class WritableSystemPathsCel {

  static final String ID = "writableSystemPaths";

  // Resolving '..' costs CEL a walk quadratic in the segments; 16 keeps 51 containers with such
  // a mount each near 200,000 evaluated nodes, a fifth of Kubernetes' per-expression limit.
  static final int MAX_SEGMENTS = 16;

  /** The engine's system directories, in byte order (the order of its sorted-set message). */
  static final List<String> SYSTEM_PATHS =
      List.of(
          "/",
          "/bin",
          "/etc",
          "/lib",
          "/lib32",
          "/lib64",
          "/libx32",
          "/sbin",
          "/usr",
          "/usr/bin",
          "/usr/lib",
          "/usr/lib64",
          "/usr/local/bin",
          "/usr/local/sbin",
          "/usr/sbin");

  /** Volume sources the kubelet mounts read-only whatever the mount says. */
  private static final List<String> READ_ONLY_SOURCES =
      List.of("configMap", "secret", "downwardAPI", "projected");

  /** Every other volume source of core/v1 Volume (fabric8 7.8.0's model, Kubernetes 1.33). */
  private static final List<String> OTHER_SOURCES =
      List.of(
          "awsElasticBlockStore",
          "azureDisk",
          "azureFile",
          "cephfs",
          "cinder",
          "csi",
          "emptyDir",
          "ephemeral",
          "fc",
          "flexVolume",
          "flocker",
          "gcePersistentDisk",
          "gitRepo",
          "glusterfs",
          "hostPath",
          "image",
          "iscsi",
          "nfs",
          "persistentVolumeClaim",
          "photonPersistentDisk",
          "portworxVolume",
          "quobyte",
          "rbd",
          "scaleIO",
          "storageos",
          "vsphereVolume");

  private static final String SYSTEM = literal(SYSTEM_PATHS);

  private static final String INDICES =
      "["
          + IntStream.range(0, MAX_SEGMENTS)
              .mapToObj(Integer::toString)
              .collect(Collectors.joining(", "))
          + "]";

  /** True when every source of {@code v} is one the kubelet mounts read-only, and it has one. */
  private static final String ALWAYS_READ_ONLY =
      "("
          + READ_ONLY_SOURCES.stream()
              .map(s -> "has(v." + s + ")")
              .collect(Collectors.joining(" || "))
          + ") && !("
          + OTHER_SOURCES.stream().map(s -> "has(v." + s + ")").collect(Collectors.joining(" || "))
          + ")";

  /**
   * {@code variables.readOnlyVolumes}: names of volumes the kubelet mounts read-only; the first
   * volume of a name decides, as in the engine's lookup.
   */
  static final String READ_ONLY_VOLUMES =
      "has(variables.spec.volumes) ? variables.spec.volumes.filter(v, "
          + ALWAYS_READ_ONLY
          + " && variables.spec.volumes.filter(w, (has(w.name) ? w.name : '')"
          + " == (has(v.name) ? v.name : ''))[0] == v).map(v, has(v.name) ? v.name : '') : []";

  /** The engine's {@code normalise(p)} for a non-empty CEL string expression {@code p}. */
  static String normalise(String p) {
    return "cel.bind(segs, "
        + p
        + ".split('/').filter(s, s != '' && s != '.'),"
        + " !('..' in segs) ? '/' + segs.join('/')"
        + " : size(segs) > "
        + MAX_SEGMENTS
        + " ? '?' + "
        + p
        + " : cel.bind(ix, "
        + INDICES
        + ".filter(i, i < size(segs)),"
        + " cel.bind(depth, ix.map(i, 2 * size(ix.filter(k, k <= i && segs[k] != '..')) - i - 1),"
        + " '/' + ix.filter(j, segs[j] != '..' && ix.all(u, u <= j || depth[u] >= depth[j]))"
        + ".map(j, segs[j]).join('/'))))";
  }

  /**
   * {@code variables.systemMounts}: for each container in visiting order, its offending mounts as
   * {@code [container, volume, normalised path]}.
   */
  static final String SYSTEM_MOUNTS =
      PodSpecCel.eachContainerList(
          ".map(c, has(c.volumeMounts) ? c.volumeMounts.filter(m,"
              + " !(has(m.readOnly) && m.readOnly == true)"
              + " && has(m.mountPath) && m.mountPath != ''"
              + " && !((has(m.name) ? m.name : '') in variables.readOnlyVolumes))"
              + ".map(m, [c.name, has(m.name) ? m.name : '', "
              + normalise("m.mountPath")
              + "])"
              + ".filter(t, t[2] in "
              + SYSTEM
              + " || t[2].startsWith('?')) : [])");

  private WritableSystemPathsCel() {}

  static CelValidation validation() {
    String offenders = "variables.systemMounts.filter(ms, size(ms) > 0)";
    String names = offenders + ".map(ms, ms[0][0])";
    String first = offenders + "[0]";
    String single = first + "[0]";
    String paths =
        "("
            + SYSTEM
            + ".filter(p, variables.systemMounts.exists(ms, ms.exists(t, t[2] == p)))"
            + ".map(p, '\"' + p + '\"') + variables.systemMounts.map(ms,"
            + " ms.filter(t, t[2].startsWith('?')).map(t, '\"' + t[2] + '\"').join(', '))"
            + ".filter(s, s != '')).join(', ')";
    return new CelValidation(
        ID,
        "variables.systemMounts.all(ms, size(ms) == 0)",
        "'writable system path (' + "
            + PodSpecCel.containersMessage(names)
            + " + (size("
            + offenders
            + ") == 1 && size("
            + first
            + ") == 1 ? ' must not mount volume \"' + "
            + single
            + "[1] + '\" writable at \"' + "
            + single
            + "[2] + '\"' : ' must not mount writable volumes at ' + "
            + paths
            + ") + ')'");
  }

  private static String literal(List<String> items) {
    return items.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "[", "]"));
  }
}
