package dev.rootlock.model.pod;

import java.util.List;
import java.util.Objects;

/**
 * One {@code spec.volumes[]} entry.
 *
 * @param index position in {@code spec.volumes}
 * @param name never null: {@code ""} when not written
 * @param sources the volume's keys other than {@code name}, in document order (e.g. {@code
 *     ["hostPath"]}); empty for a volume with no source, which the API server defaults to emptyDir
 * @param emptyDir the emptyDir source, or null (also null for a source-less volume)
 * @param hostPath {@code hostPath.path} as written, or null when the volume has none (or it is not
 *     a string)
 */
public record Volume(
    int index, String name, List<String> sources, EmptyDir emptyDir, String hostPath) {

  public Volume {
    Objects.requireNonNull(name, "name");
    sources = List.copyOf(sources);
  }

  /** A volume without a {@code hostPath}. */
  public Volume(int index, String name, List<String> sources, EmptyDir emptyDir) {
    this(index, name, sources, emptyDir, null);
  }
}
