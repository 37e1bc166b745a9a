package dev.rootlock.config;

import dev.rootlock.source.tree.ScalarResolver;
import dev.rootlock.source.tree.ScalarType;
import java.util.regex.Pattern;

/**
 * YAML 1.2's core schema, which is what a config file means: {@code yes} and {@code 2027-03-31} are
 * strings, {@code true} a boolean, {@code 12} an integer. A date is read as the text written, and
 * {@link ConfigReader} checks its form.
 */
final class ConfigScalars implements ScalarResolver {

  static final ConfigScalars INSTANCE = new ConfigScalars();

  private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  @Override
  public Resolved resolve(String value, String tag, boolean plain) {
    if (tag != null && !tag.equals("!")) {
      if (tag.equals("!!str")) {
        return new Resolved(ScalarType.STRING, value);
      }
      throw new IllegalArgumentException("tags are not supported here: " + tag);
    }
    if (!plain || tag != null) {
      return new Resolved(ScalarType.STRING, value);
    }
    if (NULL.matcher(value).matches()) {
      return new Resolved(ScalarType.NULL, null);
    }
    if (BOOL.matcher(value).matches()) {
      return new Resolved(ScalarType.BOOLEAN, value.toLowerCase(java.util.Locale.ROOT));
    }
    if (INT.matcher(value).matches()) {
      return new Resolved(ScalarType.INTEGER, new java.math.BigInteger(value).toString());
    }
    if (FLOAT.matcher(value).matches()) {
      return new Resolved(ScalarType.FLOAT, value);
    }
    return new Resolved(ScalarType.STRING, value);
  }
}
