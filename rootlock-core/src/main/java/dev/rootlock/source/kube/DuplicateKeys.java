package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds keys written twice in the same mapping. kubectl's strict field validation rejects them;
 * lenient decoding keeps the last value, which is what the tree reads, so a repeated {@code
 * privileged} could otherwise hide in plain sight.
 */
final class DuplicateKeys {

  private DuplicateKeys() {}

  /** One problem per repeated key, in document order. */
  static List<FieldProblem> in(Node root) {
    List<FieldProblem> problems = new ArrayList<>();
    // Aliases share nodes: visit each once, and without recursion, so no input can blow the stack.
    Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Map.Entry<Node, FieldPath>> pending = new ArrayDeque<>();
    pending.push(Map.entry(root, FieldPath.root()));
    while (!pending.isEmpty()) {
      Map.Entry<Node, FieldPath> next = pending.pop();
      Node node = next.getKey();
      FieldPath path = next.getValue();
      if (!visited.add(node)) {
        continue;
      }
      List<Map.Entry<Node, FieldPath>> children = new ArrayList<>();
      if (node instanceof MappingNode mapping) {
        report(mapping, path, problems);
        for (MappingNode.Entry entry : mapping.entries()) {
          children.add(Map.entry(entry.value(), path.key(entry.key())));
        }
      } else if (node instanceof SequenceNode sequence) {
        for (int i = 0; i < sequence.items().size(); i++) {
          children.add(Map.entry(sequence.items().get(i), path.index(i)));
        }
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return problems;
  }

  private static void report(MappingNode mapping, FieldPath path, List<FieldProblem> problems) {
    Map<String, List<Integer>> lines = new LinkedHashMap<>();
    for (MappingNode.Entry entry : mapping.entries()) {
      if (!entry.merge()) {
        lines
            .computeIfAbsent(entry.key(), k -> new ArrayList<>())
            .add(entry.keyNode().start().line());
      }
    }
    lines.forEach(
        (key, at) -> {
          if (at.size() > 1) {
            String list = at.stream().map(String::valueOf).collect(Collectors.joining(", "));
            problems.add(
                new FieldProblem(
                    path.key(key),
                    "key \""
                        + key
                        + "\" is written "
                        + at.size()
                        + " times (lines "
                        + list
                        + "); the last value counts"));
          }
        });
  }
}
