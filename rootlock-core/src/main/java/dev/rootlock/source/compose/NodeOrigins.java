package dev.rootlock.source.compose;

import dev.rootlock.model.Position;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;

/**
 * Which file each node of a Compose project was written in. A project's services are assembled from
 * several files (overrides, {@code extends: {file: ...}}, {@code include:}), and a finding about a
 * field must name the file that set it; nodes only know their line and column. Nodes made while
 * merging take the origin of the node they stand for. A value that a variable from an env file
 * alone decided is also placed at that variable's line.
 */
final class NodeOrigins {

  /**
   * A file of the project.
   *
   * @param file its name in messages, relative to where the user pointed
   * @param dir its directory, against which its relative paths resolve; null for a text with no
   *     file (standard input, tests), which cannot refer to other files
   */
  record Origin(String file, Path dir) {}

  /** A line of an env file, where a finding about the value it set points. */
  record Place(String file, Position position) {}

  private final IdentityHashMap<Node, Origin> origins = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Place> places = new IdentityHashMap<>();

  /** Marks every node of {@code root}, keys included, as written in {@code origin}. */
  void register(Node root, Origin origin) {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (origins.putIfAbsent(node, origin) != null) {
        continue;
      }
      // instanceof, not a type switch (see MergeKeys.resolve).
      if (node instanceof MappingNode mapping) {
        for (MappingNode.Entry entry : mapping.entries()) {
          origins.putIfAbsent(entry.keyNode(), origin);
          pending.push(entry.value());
        }
      } else if (node instanceof SequenceNode sequence) {
        sequence.items().forEach(pending::push);
      }
    }
  }

  /** Marks {@code made} (a merged node) as written where {@code from} is. */
  void derive(Node made, Node from) {
    Origin origin = origins.get(from);
    if (origin != null) {
      origins.putIfAbsent(made, origin);
    }
  }

  /** Places {@code value} at the env file line whose variable decided it. */
  void place(Node value, Place place) {
    places.put(value, place);
  }

  /** The file {@code node} was written in, or null when not known. */
  Origin of(Node node) {
    return origins.get(node);
  }

  /** The env file line that decided {@code value}, or null. */
  Place placeOf(Node value) {
    return places.get(value);
  }
}
