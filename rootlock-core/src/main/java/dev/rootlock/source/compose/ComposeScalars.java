package dev.rootlock.source.compose;

import dev.rootlock.source.tree.ScalarResolver;
import dev.rootlock.source.tree.ScalarType;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves scalars as Compose does: compose-go parses with go-yaml v3/v4, whose YAML 1.2 core
 * schema reads {@code true}/{@code True}/{@code TRUE} as booleans but {@code yes}, {@code on} and
 * {@code y} as strings (Compose converts those itself, with a warning, where it wants a boolean).
 * Quoted scalars are strings; {@code !!str}, {@code !!bool}, {@code !!int}, {@code !!null} tags are
 * honoured and other tags ({@code !reset}, {@code !override}) resolve the value as if untagged.
 */
final class ComposeScalars implements ScalarResolver {

  static final ComposeScalars INSTANCE = new ComposeScalars();

  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
  private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

  private ComposeScalars() {}

  @Override
  public Resolved resolve(String value, String tag, boolean plain) {
    if ("!!str".equals(tag)) {
      return new Resolved(ScalarType.STRING, value);
    }
    if (tag != null && tag.startsWith("!!")) {
      return coreTagged(value, tag);
    }
    if (!plain) {
      return new Resolved(ScalarType.STRING, value);
    }
    if (NULLS.contains(value)) {
      return new Resolved(ScalarType.NULL, "null");
    }
    if (TRUES.contains(value)) {
      return new Resolved(ScalarType.BOOLEAN, "true");
    }
    if (FALSES.contains(value)) {
      return new Resolved(ScalarType.BOOLEAN, "false");
    }
    BigInteger integer = integer(value);
    if (integer != null) {
      return new Resolved(ScalarType.INTEGER, integer.toString());
    }
    if (FLOAT.matcher(value).matches()) {
      return new Resolved(ScalarType.FLOAT, value);
    }
    return new Resolved(ScalarType.STRING, value);
  }

  private Resolved coreTagged(String value, String tag) {
    Resolved untagged = resolve(value, null, true);
    ScalarType wanted =
        switch (tag) {
          case "!!bool" -> ScalarType.BOOLEAN;
          case "!!int" -> ScalarType.INTEGER;
          case "!!float" -> ScalarType.FLOAT;
          case "!!null" -> ScalarType.NULL;
          default -> untagged.type();
        };
    if (untagged.type() != wanted
        && !(wanted == ScalarType.FLOAT && untagged.type() == ScalarType.INTEGER)) {
      throw new IllegalArgumentException("cannot decode " + value + " as a " + tag + " value");
    }
    return wanted == ScalarType.FLOAT ? new Resolved(ScalarType.FLOAT, value) : untagged;
  }

  private static BigInteger integer(String value) {
    if (DECIMAL.matcher(value).matches()) {
      return new BigInteger(value.startsWith("+") ? value.substring(1) : value);
    }
    if (OCTAL.matcher(value).matches()) {
      return new BigInteger(value.substring(2), 8);
    }
    if (HEX.matcher(value).matches()) {
      return new BigInteger(value.substring(2), 16);
    }
    return null;
  }
}
