package dev.rootlock.source.compose;

import dev.rootlock.model.Position;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a tree so that no mapping has merge entries ({@code <<: *anchor}), with the merge rules
 * Compose's YAML library (go-yaml v3/v4) applies: a key written in the mapping always beats a
 * merged one, wherever the merge entry is, and of several merged mappings the first to give a key
 * wins. Merged fields keep their own key and value nodes, so their positions point where they are
 * written. Keys written twice in one mapping, which Compose refuses, are collected.
 */
final class MergeKeys {

  /** A key written a second time in one mapping. */
  record Duplicate(String key, Position at, Position first) {}

  private final IdentityHashMap<Node, Node> done = new IdentityHashMap<>();
  private final List<Duplicate> duplicates = new ArrayList<>();

  /** The duplicates found by all {@link #resolve} calls so far, in the order found. */
  List<Duplicate> duplicates() {
    return duplicates;
  }

  /**
   * {@code node} with every merge key applied, throughout. Shared (aliased) nodes are done once.
   */
  Node resolve(Node node) {
    Node cached = done.get(node);
    if (cached != null) {
      return cached;
    }
    // instanceof, not a type switch: JDK 25's AOT cache cannot hold the class a pattern switch
    // generates on its first run, a cost every Compose scan paid at start (docs/PERFORMANCE.md).
    Node result = node;
    if (node instanceof MappingNode mapping) {
      result = mapping(mapping);
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      sequence.items().forEach(item -> items.add(resolve(item)));
      result = new SequenceNode(items, sequence.style(), sequence.start(), sequence.end());
    }
    done.put(node, result);
    return result;
  }

  private MappingNode mapping(MappingNode mapping) {
    Map<String, MappingNode.Entry> explicit = new LinkedHashMap<>();
    for (MappingNode.Entry entry : mapping.entries()) {
      if (entry.merge()) {
        continue;
      }
      MappingNode.Entry first = explicit.get(entry.key());
      if (first != null) {
        duplicates.add(
            new Duplicate(entry.key(), entry.keyNode().start(), first.keyNode().start()));
      }
      explicit.put(entry.key(), resolved(entry));
    }
    Map<String, MappingNode.Entry> fields = new LinkedHashMap<>();
    for (MappingNode.Entry entry : mapping.entries()) {
      if (!entry.merge()) {
        fields.putIfAbsent(entry.key(), explicit.get(entry.key()));
        continue;
      }
      List<Node> sources =
          entry.value() instanceof SequenceNode sequence
              ? sequence.items()
              : List.of(entry.value());
      for (Node source : sources) {
        if (resolve(source) instanceof MappingNode merged) {
          for (MappingNode.Entry field : merged.entries()) {
            if (!explicit.containsKey(field.key())) {
              fields.putIfAbsent(field.key(), field);
            }
          }
        }
      }
    }
    return new MappingNode(
        new ArrayList<>(fields.values()), mapping.style(), mapping.start(), mapping.end());
  }

  private MappingNode.Entry resolved(MappingNode.Entry entry) {
    return new MappingNode.Entry(entry.key(), entry.keyNode(), resolve(entry.value()), false);
  }
}
