package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;

/** Decodes {@code metadata}: name, namespace, labels and annotations. */
final class MetadataDecoder {

  private final FieldReader reader;

  MetadataDecoder(FieldReader reader) {
    this.reader = reader;
  }

  ObjectMeta decode(Node node, FieldPath path) {
    MappingNode metadata = reader.mapping(node, path);
    if (metadata == null) {
      return ObjectMeta.EMPTY;
    }
    return new ObjectMeta(
        reader.string(metadata.get("name"), path.key("name")),
        reader.string(metadata.get("namespace"), path.key("namespace")),
        reader.stringMap(metadata.get("labels"), path.key("labels")),
        reader.stringMap(metadata.get("annotations"), path.key("annotations")));
  }
}
