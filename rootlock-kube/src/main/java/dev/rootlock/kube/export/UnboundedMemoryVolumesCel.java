package dev.rootlock.kube.export;

/**
 * {@code unboundedMemoryVolumes} in CEL: a memory-backed {@code emptyDir} without {@code sizeLimit}
 * fails when some container mounts it writable and has no non-zero {@code resources.limits.memory}.
 * The zero test is the engine's pattern, in RE2 for CEL's {@code matches}.
 */
final class UnboundedMemoryVolumesCel {

  static final String ID = "unboundedMemoryVolumes";

  private static final String ZERO =
      "^[+-]?(?:0+(?:\\\\.0*)?|\\\\.0+)(?:[eE][+-]?[0-9]+|[A-Za-z]*)$";

  private static final String UNLIMITED =
      "!(has(c.resources) && has(c.resources.limits) && 'memory' in c.resources.limits"
          + " && !c.resources.limits.memory.trim().matches('"
          + ZERO
          + "'))";

  private static final String WRITABLE = "!(has(m.readOnly) && m.readOnly == true)";

  /** {@code variables.memoryVolumes}: names of memory emptyDirs with no sizeLimit. */
  static final String MEMORY_VOLUMES =
      "has(variables.spec.volumes) ? variables.spec.volumes.filter(v, has(v.emptyDir)"
          + " && has(v.emptyDir.medium) && v.emptyDir.medium == 'Memory'"
          + " && !has(v.emptyDir.sizeLimit)).map(v, v.name) : []";

  /** {@code variables.unboundedVolumes}: those an unlimited container mounts writable. */
  static final String UNBOUNDED_VOLUMES =
      "variables.memoryVolumes.filter(n, "
          + PodSpecCel.eachContainerList(
                  ".exists(c, "
                      + UNLIMITED
                      + " && has(c.volumeMounts)"
                      + " && c.volumeMounts.exists(m, "
                      + WRITABLE
                      + " && m.name == n))")
              .replace(" : [])", " : false)")
              .replace(") + (", ") || (")
          + ")";

  /** {@code variables.unboundedWriters}: the unlimited writers of those, in visiting order. */
  static final String UNBOUNDED_WRITERS =
      PodSpecCel.eachContainerList(
          ".filter(c, "
              + UNLIMITED
              + " && has(c.volumeMounts) && c.volumeMounts.exists(m, "
              + WRITABLE
              + " && m.name in variables.unboundedVolumes)).map(c, c.name)");

  private UnboundedMemoryVolumesCel() {}

  static CelValidation validation() {
    return new CelValidation(
        ID,
        "size(variables.unboundedVolumes) == 0",
        "(size(variables.unboundedVolumes) == 1 ? 'unbounded memory volume (volume '"
            + " : 'unbounded memory volumes (volumes ') + "
            + "variables.unboundedVolumes.map(n, '\"' + n + '\"').join(', ')"
            + " + ' must set emptyDir.sizeLimit or ' + "
            + PodSpecCel.containersMessage("variables.unboundedWriters")
            + " + ' must set resources.limits.memory)'");
  }
}
