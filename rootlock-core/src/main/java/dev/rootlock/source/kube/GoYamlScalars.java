package dev.rootlock.source.kube;

import dev.rootlock.source.tree.ScalarResolver;
import dev.rootlock.source.tree.ScalarType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves YAML scalars exactly as Kubernetes does: kubectl and the API server turn YAML into JSON
 * with sigs.k8s.io/yaml on go-yaml v2, whose {@code resolve()} implements YAML 1.1. So {@code yes},
 * {@code on} and {@code y} are booleans, {@code 0755} is octal, and only the listed spellings count
 * ({@code tRUE} is a string). Quoted and block scalars are strings unless explicitly tagged.
 */
final class GoYamlScalars implements ScalarResolver {

  private static final Resolved NULL = new Resolved(ScalarType.NULL, "null");
  private static final Resolved TRUE = new Resolved(ScalarType.BOOLEAN, "true");
  private static final Resolved FALSE = new Resolved(ScalarType.BOOLEAN, "false");

  /** go-yaml v2's resolve table (its resolveMapList): exact spellings only. */
  private static final Map<String, Resolved> TABLE = table();

  /** Tags go-yaml resolves; any other tag leaves the value a string. */
  private static final Set<String> RESOLVABLE_TAGS =
      Set.of("!!str", "!!bool", "!!int", "!!float", "!!timestamp");

  /** go-yaml v2's {@code yamlStyleFloat}. */
  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** What Go's strconv.ParseFloat takes for text starting with a dot. */
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

  private static final BigInteger MAX_UINT64 =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);

  @Override
  public Resolved resolve(String value, String tag, boolean plain) {
    if (tag == null && !plain) {
      return string(value);
    }
    String goTag = tag == null ? "" : tag;
    if ("!!binary".equals(goTag)) {
      return string(base64(value));
    }
    if (!goTag.isEmpty() && !RESOLVABLE_TAGS.contains(goTag)) {
      return string(value);
    }
    if (goTag.equals("!!str") || goTag.equals("!!timestamp")) {
      // A timestamp decodes to its text in go-yaml v2 (kept so for compatibility).
      return string(value);
    }
    Resolved resolved = resolvePlain(value);
    if (goTag.isEmpty() || goTag.equals("!!" + shortName(resolved.type()))) {
      return resolved;
    }
    if (goTag.equals("!!float") && resolved.type() == ScalarType.INTEGER) {
      return new Resolved(ScalarType.FLOAT, resolved.value());
    }
    throw new IllegalArgumentException(
        "cannot decode !!" + shortName(resolved.type()) + " `" + value + "` as a " + goTag);
  }

  /** go-yaml v2's resolve() for an untagged plain scalar. */
  static Resolved resolvePlain(String in) {
    char hint = in.isEmpty() ? 'N' : in.charAt(0);
    if (!isHint(hint)) {
      return string(in);
    }
    Resolved fromTable = TABLE.get(in);
    if (fromTable != null) {
      return fromTable;
    }
    if (hint == '.') {
      return DOT_FLOAT.matcher(in).matches() ? new Resolved(ScalarType.FLOAT, in) : string(in);
    }
    if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
      String plain = in.replace("_", "");
      BigInteger integer = parseGoInt(plain);
      if (integer != null) {
        return new Resolved(ScalarType.INTEGER, integer.toString());
      }
      if (YAML_FLOAT.matcher(plain).matches() && Double.isFinite(Double.parseDouble(plain))) {
        return new Resolved(ScalarType.FLOAT, plain);
      }
    }
    return string(in);
  }

  /** The first characters for which go-yaml looks any further than "it is a string". */
  private static boolean isHint(char c) {
    return (c >= '0' && c <= '9') || "+-.yYnNtTfFoO~".indexOf(c) >= 0;
  }

  /**
   * Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint(s, 0, 64): an optional sign
   * (ParseInt only), then {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal) prefix,
   * else decimal. Null when neither accepts it.
   */
  static BigInteger parseGoInt(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() >= 2 && body.charAt(0) == '0') {
      switch (Character.toLowerCase(body.charAt(1))) {
        case 'x' -> {
          radix = 16;
          body = body.substring(2);
        }
        case 'o' -> {
          radix = 8;
          body = body.substring(2);
        }
        case 'b' -> {
          radix = 2;
          body = body.substring(2);
        }
        default -> {
          radix = 8;
          body = body.substring(1);
        }
      }
    }
    int base = radix;
    if (body.isEmpty() || !body.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
      return null;
    }
    BigInteger magnitude = new BigInteger(body, radix);
    BigInteger value = negative ? magnitude.negate() : magnitude;
    boolean fitsInt64 = value.bitLength() < 64;
    boolean fitsUint64 = i == 0 && value.signum() >= 0 && value.compareTo(MAX_UINT64) <= 0;
    if (fitsInt64 || fitsUint64 || value.equals(MIN_INT64)) {
      return value;
    }
    return null;
  }

  /**
   * Keyed by spelling only: a {@link Resolved} key would make every start generate the record's
   * {@code hashCode} at run time, which the AOT cache cannot hold.
   */
  private static Map<String, Resolved> table() {
    Map<String, Resolved> table = new HashMap<>();
    spell(table, TRUE, "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    spell(table, FALSE, "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    spell(table, NULL, "", "~", "null", "Null", "NULL");
    spell(table, new Resolved(ScalarType.FLOAT, "NaN"), ".nan", ".NaN", ".NAN");
    spell(
        table,
        new Resolved(ScalarType.FLOAT, "+Infinity"),
        ".inf",
        ".Inf",
        ".INF",
        "+.inf",
        "+.Inf",
        "+.INF");
    spell(table, new Resolved(ScalarType.FLOAT, "-Infinity"), "-.inf", "-.Inf", "-.INF");
    return Map.copyOf(table);
  }

  private static void spell(Map<String, Resolved> table, Resolved resolved, String... spellings) {
    for (String spelling : spellings) {
      table.put(spelling, resolved);
    }
  }

  private static String shortName(ScalarType type) {
    return switch (type) {
      case NULL -> "null";
      case BOOLEAN -> "bool";
      case INTEGER -> "int";
      case FLOAT -> "float";
      case STRING -> "str";
    };
  }

  private static Resolved string(String value) {
    return new Resolved(ScalarType.STRING, value);
  }

  /** Go's base64.StdEncoding, which skips line breaks and nothing else. */
  private static String base64(String value) {
    try {
      byte[] bytes = Base64.getDecoder().decode(value.replace("\r", "").replace("\n", ""));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("!!binary value contains invalid base64 data", e);
    }
  }
}
