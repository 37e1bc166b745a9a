package dev.rootlock.source.tree;

/**
 * Whether a mapping or sequence is written in block style (indented) or flow style ({@code {},
 * []}).
 */
public enum CollectionStyle {
  BLOCK,
  FLOW
}
