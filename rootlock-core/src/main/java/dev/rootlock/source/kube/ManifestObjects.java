package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.InputError;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the objects of one text: flattens Lists, decodes workload kinds and counts the rest.
 * Flattening follows kubectl: the items of a typed list such as {@code PodList} that name neither
 * kind nor apiVersion take the list's kind without {@code List} and the list's apiVersion.
 */
final class ManifestObjects {

  static final String NO_KIND = "(no kind)";
  static final String NOT_AN_OBJECT = "(not an object)";

  private final String file;
  private final WorkloadDecoder decoder;
  private final WorkloadKinds kinds;
  private final List<Workload> workloads = new ArrayList<>();
  private final List<InputError> errors = new ArrayList<>();
  private final Map<String, Integer> skippedKinds = new HashMap<>();

  ManifestObjects(String file, WorkloadDecoder decoder, WorkloadKinds kinds) {
    this.file = file;
    this.decoder = decoder;
    this.kinds = kinds;
  }

  /** Takes one document's root. */
  void add(Node document) {
    add(document, null, null);
  }

  private void add(Node node, String listItemApiVersion, String listItemKind) {
    if (node.isNull()) {
      return;
    }
    if (!(node instanceof MappingNode object)) {
      skip(NOT_AN_OBJECT);
      return;
    }
    String apiVersion = text(object.get("apiVersion"));
    String kind = text(object.get("kind"));
    if (apiVersion == null && kind == null && listItemKind != null) {
      apiVersion = listItemApiVersion;
      kind = listItemKind;
    }
    if (kind == null || kind.isEmpty()) {
      skip(NO_KIND);
    } else if (kind.endsWith("List")) {
      addItems(object, apiVersion, kind.substring(0, kind.length() - "List".length()));
    } else {
      // instanceof, not a type switch: JDK 25's AOT cache cannot hold the class a pattern switch
      // generates, and this one ran on every scan's start (docs/PERFORMANCE.md, "Cold start").
      WorkloadKinds.Match match = kinds.match(apiVersion, kind);
      if (match instanceof WorkloadKinds.Match.Found found) {
        workloads.add(decoder.decode(object, apiVersion, kind, found.kind()));
      } else if (match instanceof WorkloadKinds.Match.Invalid invalid) {
        errors.add(new InputError(file, where(object), invalid.message()));
      } else {
        // Kinds and versions are short identifiers; a hostile 100,000-character one must not
        // become a report key (JSON readers cap key lengths, and nobody reads such a line).
        skip(
            kinds.match(null, kind) instanceof WorkloadKinds.Match.Found
                ? kind + " (" + FieldReader.clip(String.valueOf(apiVersion)) + ")"
                : FieldReader.clip(kind));
      }
    }
  }

  /** The apiVersion's value, where the API server's complaint points; else the object. */
  private static dev.rootlock.model.Position where(MappingNode object) {
    Node apiVersion = object.get("apiVersion");
    return apiVersion == null ? object.start() : apiVersion.start();
  }

  private void addItems(MappingNode list, String apiVersion, String itemKind) {
    Node items = list.get("items");
    if (items == null || items.isNull()) {
      return;
    }
    if (!(items instanceof SequenceNode sequence)) {
      errors.add(
          new InputError(
              file,
              list.entry("items").keyNode().start(),
              FieldPath.of("items") + ": expected a sequence, got " + FieldReader.describe(items)));
      return;
    }
    for (Node item : sequence.items()) {
      add(item, apiVersion, itemKind.isEmpty() ? null : itemKind);
    }
  }

  private void skip(String kind) {
    skippedKinds.merge(kind, 1, Integer::sum);
  }

  private static String text(Node node) {
    return node instanceof ScalarNode scalar && scalar.type() == ScalarType.STRING
        ? scalar.value()
        : null;
  }

  List<Workload> workloads() {
    return workloads;
  }

  List<InputError> errors() {
    return errors;
  }

  Map<String, Integer> skippedKinds() {
    return skippedKinds;
  }
}
