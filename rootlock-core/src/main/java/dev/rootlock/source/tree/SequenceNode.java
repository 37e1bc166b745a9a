package dev.rootlock.source.tree;

import dev.rootlock.model.Position;
import java.util.List;

/** A sequence, its items in document order. */
public record SequenceNode(List<Node> items, CollectionStyle style, Position start, Position end)
    implements Node {

  public SequenceNode {
    items = List.copyOf(items);
  }
}
