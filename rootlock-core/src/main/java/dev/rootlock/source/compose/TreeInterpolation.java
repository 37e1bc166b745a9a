package dev.rootlock.source.compose;

import dev.rootlock.model.InputError;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolates every string value of a Compose document, as Compose does after loading the YAML and
 * before merging services (keys are never interpolated). Each rewritten scalar keeps its position,
 * so a finding still points at the line that set it, and its {@link Interpolation.Result} is kept
 * for the reader's notes. A value Compose refuses is an error at its position and stays as written.
 */
final class TreeInterpolation {

  private final String file;
  private final ComposeEnvironment environment;
  private final IdentityHashMap<Node, Node> done = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Interpolation.Result> traces = new IdentityHashMap<>();
  private final List<InputError> errors = new ArrayList<>();

  TreeInterpolation(String file, ComposeEnvironment environment) {
    this.file = file;
    this.environment = environment;
  }

  /** How each rewritten scalar was read, by the rewritten node. */
  Map<Node, Interpolation.Result> traces() {
    return traces;
  }

  List<InputError> errors() {
    return errors;
  }

  Node apply(Node node) {
    Node cached = done.get(node);
    if (cached != null) {
      return cached;
    }
    // instanceof, not a type switch (see MergeKeys.resolve); the last case is a cast, so a new
    // kind of node fails loudly.
    Node result;
    if (node instanceof MappingNode mapping) {
      List<MappingNode.Entry> entries = new ArrayList<>();
      for (MappingNode.Entry entry : mapping.entries()) {
        entries.add(
            new MappingNode.Entry(
                entry.key(), entry.keyNode(), apply(entry.value()), entry.merge()));
      }
      result = new MappingNode(entries, mapping.style(), mapping.start(), mapping.end());
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      sequence.items().forEach(item -> items.add(apply(item)));
      result = new SequenceNode(items, sequence.style(), sequence.start(), sequence.end());
    } else {
      result = scalar((ScalarNode) node);
    }
    done.put(node, result);
    return result;
  }

  private Node scalar(ScalarNode scalar) {
    if (scalar.type() != ScalarType.STRING || scalar.value().indexOf('$') < 0) {
      return scalar;
    }
    Interpolation.Result result;
    try {
      result = Interpolation.apply(scalar.value(), environment);
    } catch (IllegalArgumentException e) {
      errors.add(new InputError(file, scalar.start(), e.getMessage()));
      return scalar;
    }
    ScalarNode rewritten =
        new ScalarNode(
            ScalarType.STRING,
            result.value(),
            scalar.raw(),
            scalar.style(),
            scalar.start(),
            scalar.end());
    if (result.interpolated()) {
      traces.put(rewritten, result);
    }
    return rewritten;
  }
}
