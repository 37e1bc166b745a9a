package dev.rootlock.source.tree;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.Position;
import java.util.List;

/**
 * Positions of fields in one object's tree. A key's position is where the key is written (so a
 * report points at {@code privileged:}, not at its value), an index's is where the item starts, and
 * a field that is not written gets the position of its nearest written parent.
 */
public final class NodeLocator implements Locator {

  private final Node root;

  public NodeLocator(Node root) {
    this.root = root;
  }

  /** The object's root node. */
  public Node root() {
    return root;
  }

  /** The node at {@code path}, or null when it is not written. */
  public Node find(FieldPath path) {
    Node node = root;
    for (Object segment : path.segments()) {
      node = child(node, segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  @Override
  public Position locate(FieldPath path) {
    Node node = root;
    Position found = root.start();
    for (Object segment : path.segments()) {
      if (segment instanceof String key && node instanceof MappingNode mapping) {
        MappingNode.Entry entry = mapping.entry(key);
        if (entry == null) {
          break;
        }
        found = entry.keyNode().start();
        node = entry.value();
      } else {
        node = child(node, segment);
        if (node == null) {
          break;
        }
        found = node.start();
      }
    }
    return found;
  }

  private static Node child(Node node, Object segment) {
    if (segment instanceof String key && node instanceof MappingNode mapping) {
      return mapping.get(key);
    }
    if (segment instanceof Integer index && node instanceof SequenceNode sequence) {
      List<Node> items = sequence.items();
      return index >= 0 && index < items.size() ? items.get(index) : null;
    }
    return null;
  }
}
