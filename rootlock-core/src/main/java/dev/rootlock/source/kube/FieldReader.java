package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import dev.rootlock.source.tree.Syntax;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a tree the way the API server's JSON decoding takes them: null means
 * unset, and a value of the wrong type is recorded as a {@link FieldProblem} and read as unset.
 *
 * <p>One subtlety: a YAML float such as {@code 1000.0} reaches the API server as the JSON number
 * {@code 1000} (sigs.k8s.io/yaml re-encodes it), so it is a valid integer; in a JSON file the text
 * {@code 1000.0} is not.
 */
final class FieldReader {

  /** The longest value quoted in a message; a 2 MB value must not become a 2 MB message. */
  private static final int MAX_QUOTED = 64;

  private final String text;
  private final Syntax syntax;
  private final List<FieldProblem> problems = new ArrayList<>();

  FieldReader(String text, Syntax syntax) {
    this.text = text;
    this.syntax = syntax;
  }

  /** Whether a value is written and not null. */
  static boolean isSet(Node node) {
    return node != null && !node.isNull();
  }

  MappingNode mapping(Node node, FieldPath path) {
    if (!isSet(node)) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    return wrong(path, "a mapping", node);
  }

  /** The items of a sequence; empty when unset or not a sequence. */
  List<Node> sequence(Node node, FieldPath path) {
    if (!isSet(node)) {
      return List.of();
    }
    if (node instanceof SequenceNode sequence) {
      return sequence.items();
    }
    wrong(path, "a sequence", node);
    return List.of();
  }

  String string(Node node, FieldPath path) {
    if (!isSet(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.STRING) {
      return scalar.value();
    }
    return wrong(path, "a string", node);
  }

  /**
   * A string the model promises (a name): {@code ""} when unset, as Go decodes it, or when wrongly
   * typed (a problem). With {@code required}, an unset value is a problem too, as the API server's
   * validation would refuse it.
   */
  String requiredString(Node node, FieldPath path, boolean required) {
    if (!isSet(node)) {
      if (required) {
        problem(path, "required field is missing");
      }
      return "";
    }
    String value = string(node, path);
    return value == null ? "" : value;
  }

  Boolean bool(Node node, FieldPath path) {
    if (!isSet(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.BOOLEAN) {
      return scalar.asBoolean();
    }
    return wrong(path, "a boolean", node);
  }

  Long int64(Node node, FieldPath path) {
    BigInteger value = integer(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
    return value == null ? null : value.longValue();
  }

  Integer int32(Node node, FieldPath path) {
    BigInteger value = integer(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? null : value.intValue();
  }

  /** A resource quantity ({@code 512Mi}, {@code 1000}) as written; Kubernetes takes both kinds. */
  String quantity(Node node, FieldPath path) {
    if (!isSet(node)) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      switch (scalar.type()) {
        case STRING -> {
          return scalar.value();
        }
        case INTEGER, FLOAT -> {
          return scalar.raw();
        }
        default -> {
          // A boolean is no quantity.
        }
      }
    }
    return wrong(path, "a quantity (a string or a number)", node);
  }

  /** A sequence of strings; wrong items are recorded and left out. */
  List<String> strings(Node node, FieldPath path) {
    List<String> values = new ArrayList<>();
    List<Node> items = sequence(node, path);
    for (int i = 0; i < items.size(); i++) {
      String value = string(items.get(i), path.index(i));
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /** A string-to-string map such as labels; a null value reads as "" (as Go decodes it). */
  Map<String, String> stringMap(Node node, FieldPath path) {
    Map<String, String> values = new LinkedHashMap<>();
    MappingNode mapping = mapping(node, path);
    if (mapping == null) {
      return values;
    }
    for (MappingNode.Entry entry : mapping.fields().values()) {
      if (!isSet(entry.value())) {
        values.put(entry.key(), "");
      } else {
        String value = string(entry.value(), path.key(entry.key()));
        if (value != null) {
          values.put(entry.key(), value);
        }
      }
    }
    return values;
  }

  /** The node's text exactly as written (an alias gives its anchor's text). */
  String raw(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.raw();
    }
    return text.substring(node.start().offset(), node.end().offset());
  }

  void problem(FieldPath path, String message) {
    problems.add(new FieldProblem(path, message));
  }

  List<FieldProblem> problems() {
    return List.copyOf(problems);
  }

  private BigInteger integer(Node node, FieldPath path, long min, long max) {
    if (!isSet(node)) {
      return null;
    }
    BigInteger value = node instanceof ScalarNode scalar ? integerOf(scalar) : null;
    if (value == null) {
      return wrong(path, "an integer", node);
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      problem(
          path,
          "expected an integer from " + min + " to " + max + ", got " + clip(value.toString()));
      return null;
    }
    return value;
  }

  private BigInteger integerOf(ScalarNode scalar) {
    if (scalar.type() == ScalarType.INTEGER) {
      return scalar.asInteger();
    }
    if (scalar.type() == ScalarType.FLOAT && syntax == Syntax.YAML) {
      double value = Double.parseDouble(scalar.value());
      // Go's encoding/json writes such a float without a fraction or exponent.
      if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e21) {
        return new BigDecimal(value).toBigIntegerExact();
      }
    }
    return null;
  }

  @SuppressWarnings("TypeParameterUnusedInFormals") // always null, as whatever the reader returns
  private <T> T wrong(FieldPath path, String expected, Node node) {
    problem(path, "expected " + expected + ", got " + describe(node));
    return null;
  }

  /** How a value reads in a message: {@code the string "true"}, {@code a mapping}. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a sequence";
    }
    ScalarNode scalar = (ScalarNode) node;
    String written =
        scalar.raw().equals(scalar.value()) ? "" : " (written " + clip(scalar.raw()) + ")";
    return switch (scalar.type()) {
      case NULL -> "null";
      case STRING -> "the string " + quote(clip(scalar.value()));
      case BOOLEAN -> "the boolean " + scalar.value() + written;
      case INTEGER -> "the integer " + scalar.value() + written;
      case FLOAT -> "the number " + clip(scalar.raw());
    };
  }

  /** A value short enough to quote in a one-line message (or to use as a report's key). */
  static String clip(String value) {
    return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "…";
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
