package dev.rootlock.source.kube;

import dev.rootlock.model.InputError;
import dev.rootlock.model.pod.Workload;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one manifest text held.
 *
 * @param workloads objects with a pod template, in document order
 * @param errors what could not be read, in document order
 * @param skippedKinds objects of other kinds, counted by kind (sorted by name); {@code (no kind)}
 *     counts mappings without a kind and {@code (not an object)} documents that are not mappings,
 *     so that stray non-manifest YAML is counted, not failed
 */
public record ReadResult(
    List<Workload> workloads, List<InputError> errors, Map<String, Integer> skippedKinds) {

  public ReadResult {
    workloads = List.copyOf(workloads);
    errors = List.copyOf(errors);
    skippedKinds = Collections.unmodifiableMap(new TreeMap<>(skippedKinds));
  }
}
