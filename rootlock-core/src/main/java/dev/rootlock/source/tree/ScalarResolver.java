package dev.rootlock.source.tree;

/**
 * Decides what a YAML scalar is. YAML dialects disagree ({@code yes} is a boolean to Kubernetes'
 * go-yaml v2 and a string in YAML 1.2), so each source supplies its own.
 */
@FunctionalInterface
public interface ScalarResolver {

  /** A resolved scalar: its type and its value in {@link ScalarNode#value()}'s canonical form. */
  record Resolved(ScalarType type, String value) {}

  /**
   * Resolves one scalar.
   *
   * @param value the scalar's content, escapes already processed
   * @param tag the explicit tag in short form ({@code !!bool}, {@code !custom}, {@code !}), or null
   * @param plain whether the scalar is written plain (not quoted, not a block scalar)
   * @throws IllegalArgumentException when the tag cannot hold the value, e.g. {@code !!int abc}
   */
  Resolved resolve(String value, String tag, boolean plain);
}
