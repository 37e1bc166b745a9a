package dev.rootlock.source.tree;

import dev.rootlock.model.Position;
import java.math.BigInteger;

/**
 * A scalar.
 *
 * @param type the resolved type
 * @param value the value in canonical form: a string's content; {@code true} or {@code false}; an
 *     integer in decimal ({@code 0x1F} gives {@code 31}); a float's digits as written (without
 *     underscores); {@code null} for a null
 * @param raw the text exactly as written, quotes, escapes and any tag included ({@code "yes"},
 *     {@code !!bool yes}, {@code 0x1F})
 */
public record ScalarNode(
    ScalarType type, String value, String raw, ScalarStyle style, Position start, Position end)
    implements Node {

  /** The boolean, or null when this is not a boolean. */
  public Boolean asBoolean() {
    return type == ScalarType.BOOLEAN ? Boolean.valueOf(value) : null;
  }

  /** The integer, or null when this is not an integer. */
  public BigInteger asInteger() {
    return type == ScalarType.INTEGER ? new BigInteger(value) : null;
  }
}
