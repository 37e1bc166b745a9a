package dev.rootlock.source.compose;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values out of one service the way Compose casts them, collecting what Compose would
 * refuse (problems: the value is then treated as unset) and what it accepts with a word (warnings).
 * Values are already interpolated; one that was gets a warning saying what it reads and why (which
 * variable, set where, or which default), and one only known when Compose runs (a required variable
 * that is unset) is kept as written, or, where a boolean is wanted, treated as unset.
 */
final class ComposeValues {

  /** A string and where it is written. */
  record Item(String value, FieldPath path) {}

  final List<FieldProblem> problems = new ArrayList<>();
  final List<FieldProblem> warnings = new ArrayList<>();
  private final Map<Node, Interpolation.Result> traces;

  ComposeValues(Map<Node, Interpolation.Result> traces) {
    this.traces = traces;
  }

  /**
   * {@code message}, followed by how {@code node} was interpolated when it was: a value Compose
   * refuses may be refused only because a variable is not set here.
   */
  String explained(Node node, String message) {
    Interpolation.Result result = traces.get(node);
    return result == null ? message : message + " (" + result.explanation() + ")";
  }

  /**
   * Notes how {@code node} was interpolated, if it was; false when its value is only known when
   * Compose runs.
   */
  boolean trace(Node node, FieldPath path) {
    Interpolation.Result result = traces.get(node);
    if (result == null) {
      return true;
    }
    String raw = node instanceof ScalarNode scalar ? scalar.raw() : "";
    String written =
        raw.length() >= 2 && (raw.startsWith("\"") || raw.startsWith("'"))
            ? raw.substring(1, raw.length() - 1)
            : raw;
    warnings.add(
        new FieldProblem(
            path,
            result.known()
                ? "\"" + written + "\" reads \"" + result.value() + "\": " + result.explanation()
                : "\"" + written + "\" is only known when Compose runs: " + result.explanation()));
    return result.known();
  }

  /**
   * A boolean as Compose's {@code toBoolean} reads it: a YAML boolean, or a string that is {@code
   * true}/{@code false} in any case, or {@code y}/{@code yes}/{@code on}/{@code n}/{@code
   * no}/{@code off} in any case (with Compose's warning). Null when unset, null, interpolated or
   * invalid.
   */
  Boolean bool(Node node, FieldPath path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problems.add(new FieldProblem(path, "must be a boolean"));
      return null;
    }
    if (scalar.type() == ScalarType.BOOLEAN) {
      return scalar.asBoolean();
    }
    String value = scalar.value();
    if (!trace(scalar, path)) {
      FieldProblem last = warnings.remove(warnings.size() - 1);
      warnings.add(new FieldProblem(path, last.message() + "; read as unset"));
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      case "y", "yes", "on" -> {
        warnings.add(new FieldProblem(path, yaml11(value, "true")));
        yield true;
      }
      case "n", "no", "off" -> {
        warnings.add(new FieldProblem(path, yaml11(value, "false")));
        yield false;
      }
      default -> {
        problems.add(new FieldProblem(path, "invalid boolean: " + value));
        yield null;
      }
    };
  }

  /** A scalar's value as text (numbers in canonical form), or null when unset or null. */
  String string(Node node, FieldPath path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node instanceof ScalarNode scalar) {
      trace(scalar, path);
      return scalar.value();
    }
    problems.add(new FieldProblem(path, "must be a string"));
    return null;
  }

  /**
   * The strings of a list, each with its path; a lone string too when {@code stringAllowed} ({@code
   * tmpfs: /run}), at the field's own path. Null items and non-scalars are problems.
   */
  List<Item> strings(Node node, FieldPath path, boolean stringAllowed) {
    List<Item> items = new ArrayList<>();
    if (node == null || node.isNull()) {
      return items;
    }
    if (node instanceof ScalarNode scalar && stringAllowed) {
      trace(scalar, path);
      items.add(new Item(scalar.value(), path));
    } else if (node instanceof SequenceNode sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        Node item = sequence.items().get(i);
        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          trace(scalar, path.index(i));
          items.add(new Item(scalar.value(), path.index(i)));
        } else {
          problems.add(new FieldProblem(path.index(i), "must be a string"));
        }
      }
    } else {
      problems.add(
          new FieldProblem(path, stringAllowed ? "must be a string or a list" : "must be a list"));
    }
    return items;
  }

  /** The mapping at {@code node}, or null (with a problem when something else is written). */
  MappingNode mapping(Node node, FieldPath path) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node instanceof MappingNode mapping) {
      return mapping;
    }
    problems.add(new FieldProblem(path, "must be a mapping"));
    return null;
  }

  private static String yaml11(String value, String replacement) {
    return "\"" + value + "\" for boolean is not supported by YAML 1.2, please use " + replacement;
  }
}
