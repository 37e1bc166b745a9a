package dev.rootlock.source.tree;

import dev.rootlock.model.Position;

/**
 * One node of a parsed YAML or JSON document: a mapping, a sequence or a scalar, with where it is
 * written. Trees are immutable; a YAML alias shares the node of its anchor, so positions inside an
 * alias point at the anchor's text.
 *
 * <p>{@link #start()} is inclusive and {@link #end()} exclusive, so {@code text.substring(
 * start().offset(), end().offset())} is the node exactly as written: a scalar with its quotes (and
 * any tag or anchor written before it), a flow collection with its brackets, a block collection
 * from its first key or dash to the end of its last value (trailing comments and blank lines
 * excluded).
 */
public sealed interface Node permits MappingNode, SequenceNode, ScalarNode {

  /** Where the node starts, including any tag or anchor written before it. */
  Position start();

  /** Just past the node's last character. */
  Position end();

  /** Whether this is an explicit or implicit null, which Kubernetes treats as an unset field. */
  default boolean isNull() {
    return this instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL;
  }
}
