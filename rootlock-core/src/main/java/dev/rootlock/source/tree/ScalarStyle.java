package dev.rootlock.source.tree;

/**
 * How a scalar is written. JSON strings are {@link #DOUBLE_QUOTED}; other JSON values are plain.
 */
public enum ScalarStyle {
  PLAIN,
  SINGLE_QUOTED,
  DOUBLE_QUOTED,
  LITERAL,
  FOLDED;

  /** Whether the scalar is written in quotes, which in YAML always makes it a string. */
  public boolean isQuoted() {
    return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
  }
}
