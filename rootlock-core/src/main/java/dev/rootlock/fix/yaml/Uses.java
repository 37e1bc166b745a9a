package dev.rootlock.fix.yaml;

import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How often each node of a tree is used. The tree reader shares an anchor's node with its aliases
 * (and with merge keys), so a node used more than once is one whose text edits show everywhere.
 */
final class Uses {

  private Uses() {}

  static Map<Node, Integer> count(Node root) {
    IdentityHashMap<Node, Integer> uses = new IdentityHashMap<>();
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (uses.merge(node, 1, Integer::sum) > 1) {
        continue;
      }
      if (node instanceof MappingNode mapping) {
        for (MappingNode.Entry entry : mapping.entries()) {
          pending.push(entry.value());
        }
      } else if (node instanceof SequenceNode sequence) {
        sequence.items().forEach(pending::push);
      }
    }
    return uses;
  }

  /** The nesting depth of every node (at its first use), the root being 0. */
  static Map<Node, Integer> depths(Node root) {
    IdentityHashMap<Node, Integer> depths = new IdentityHashMap<>();
    Deque<Node> pending = new ArrayDeque<>();
    Deque<Integer> levels = new ArrayDeque<>();
    pending.push(root);
    levels.push(0);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      int depth = levels.pop();
      if (depths.putIfAbsent(node, depth) != null) {
        continue;
      }
      if (node instanceof MappingNode mapping) {
        for (MappingNode.Entry entry : mapping.entries()) {
          pending.push(entry.value());
          levels.push(depth + 1);
        }
      } else if (node instanceof SequenceNode sequence) {
        for (Node item : sequence.items()) {
          pending.push(item);
          levels.push(depth + 1);
        }
      }
    }
    return depths;
  }
}
