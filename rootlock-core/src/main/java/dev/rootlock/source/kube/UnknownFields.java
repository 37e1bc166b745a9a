package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.UnknownField;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the fields of a pod spec that kubectl's strict field validation would refuse: unknown keys
 * of the spec, its init, regular and ephemeral containers, the pod's and each container's
 * securityContext, and its volumes. Values of the wrong shape are the decoder's business and are
 * passed over here.
 */
final class UnknownFields {

  private final List<UnknownField> found = new ArrayList<>();

  private UnknownFields() {}

  /** The unknown fields under {@code spec}, at paths relative to the template ({@code spec...}). */
  static List<UnknownField> in(Node spec, FieldPath specPath) {
    UnknownFields fields = new UnknownFields();
    if (spec instanceof MappingNode mapping) {
      fields.podSpec(mapping, specPath);
    }
    return fields.found;
  }

  private void podSpec(MappingNode spec, FieldPath path) {
    check(spec, path, PodFieldNames.POD_SPEC, Set.of());
    if (spec.get("securityContext") instanceof MappingNode context) {
      // A pod-level readOnlyRootFilesystem is misplacedReadOnlyRootFilesystem's to explain.
      check(
          context,
          path.key("securityContext"),
          PodFieldNames.POD_SECURITY_CONTEXT,
          Set.of("readOnlyRootFilesystem"));
    }
    containers(spec, path, "initContainers", PodFieldNames.CONTAINER);
    containers(spec, path, "containers", PodFieldNames.CONTAINER);
    containers(spec, path, "ephemeralContainers", PodFieldNames.EPHEMERAL_CONTAINER);
    each(spec, path.key("volumes"), "volumes", PodFieldNames.VOLUME);
  }

  private void containers(MappingNode spec, FieldPath specPath, String field, Set<String> known) {
    if (!(spec.get(field) instanceof SequenceNode items)) {
      return;
    }
    for (int i = 0; i < items.items().size(); i++) {
      FieldPath path = specPath.key(field).index(i);
      if (items.items().get(i) instanceof MappingNode container) {
        check(container, path, known, Set.of());
        if (container.get("securityContext") instanceof MappingNode context) {
          check(context, path.key("securityContext"), PodFieldNames.SECURITY_CONTEXT, Set.of());
        }
      }
    }
  }

  private void each(MappingNode parent, FieldPath path, String field, Set<String> known) {
    if (parent.get(field) instanceof SequenceNode items) {
      for (int i = 0; i < items.items().size(); i++) {
        if (items.items().get(i) instanceof MappingNode item) {
          check(item, path.index(i), known, Set.of());
        }
      }
    }
  }

  private void check(MappingNode mapping, FieldPath path, Set<String> known, Set<String> passed) {
    for (String key : mapping.fields().keySet()) {
      if (!known.contains(key) && !passed.contains(key)) {
        found.add(new UnknownField(path.key(key), PodFieldNames.suggest(key, known)));
      }
    }
  }
}
