package dev.rootlock.model.pod;

import java.util.Map;

/** The parts of Kubernetes object metadata the checks and reports read. Never null maps. */
public record ObjectMeta(
    String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {

  public static final ObjectMeta EMPTY = new ObjectMeta(null, null, Map.of(), Map.of());

  public ObjectMeta {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
