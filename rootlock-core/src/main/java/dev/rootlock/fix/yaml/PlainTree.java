package dev.rootlock.fix.yaml;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.model.FieldPath;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node tree as the plain values an API server decodes ({@link LinkedHashMap}, {@link ArrayList},
 * {@link Boolean}, {@link Long} or {@link BigInteger}, {@link String}, null), so that two parses
 * can be compared, and changes applied in memory to predict what an edited file must parse to.
 * Floats are kept as their digits with a {@code float:} prefix, so they never equal a string.
 */
public final class PlainTree {

  private PlainTree() {}

  /** The decoded value of {@code node}: merges applied, aliases expanded. */
  public static Object of(Node node) {
    return switch (node) {
      case MappingNode mapping -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, MappingNode.Entry> field : mapping.fields().entrySet()) {
          map.put(field.getKey(), of(field.getValue().value()));
        }
        yield map;
      }
      case SequenceNode sequence -> {
        List<Object> list = new ArrayList<>();
        for (Node item : sequence.items()) {
          list.add(of(item));
        }
        yield list;
      }
      case ScalarNode scalar ->
          switch (scalar.type()) {
            case NULL -> null;
            case BOOLEAN -> Boolean.valueOf(scalar.value());
            case INTEGER -> Values.integer(new BigInteger(scalar.value()));
            case FLOAT -> "float:" + scalar.value();
            case STRING -> scalar.value();
          };
    };
  }

  /**
   * Applies {@code changes} to a copy of {@code root} (from {@link #of}), the way a client applying
   * them to the decoded object would: missing parents are created, a null parent counts as missing.
   */
  public static Object apply(Object root, List<Change> changes) {
    Object copy = Values.copy(root);
    for (Change change : changes) {
      List<Object> segments = change.path().segments();
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("a change needs a path");
      }
      Object parent = parentOf(copy, segments, !(change instanceof Change.RemoveField));
      Object last = segments.get(segments.size() - 1);
      switch (change) {
        case Change.SetField set -> put(parent, last, Values.normalise(set.value()), change.path());
        case Change.AppendItem append -> {
          Object list = get(parent, last);
          if (list == null) {
            list = new ArrayList<>();
            put(parent, last, list, change.path());
          }
          castList(list, change.path()).add(Values.normalise(append.value()));
        }
        case Change.RemoveField remove -> {
          if (parent instanceof Map<?, ?> map) {
            map.remove(last);
          }
        }
      }
    }
    return copy;
  }

  private static Object parentOf(Object root, List<Object> segments, boolean create) {
    Object node = root;
    for (int i = 0; i < segments.size() - 1; i++) {
      Object segment = segments.get(i);
      Object child = get(node, segment);
      if (child == null) {
        if (!create) {
          return null;
        }
        child = new LinkedHashMap<String, Object>();
        put(node, segment, child, null);
      }
      node = child;
    }
    return node;
  }

  private static Object get(Object node, Object segment) {
    if (node instanceof Map<?, ?> map && segment instanceof String key) {
      return map.get(key);
    }
    if (node instanceof List<?> list && segment instanceof Integer index) {
      return index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static void put(Object node, Object segment, Object value, FieldPath path) {
    if (node instanceof Map<?, ?> map && segment instanceof String key) {
      ((Map<String, Object>) map).put(key, value);
    } else if (node instanceof List<?> list && segment instanceof Integer index) {
      ((List<Object>) list).set(index, value);
    } else {
      throw new IllegalArgumentException("cannot set " + path + " in " + node);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object list, FieldPath path) {
    if (list instanceof List<?>) {
      return (List<Object>) list;
    }
    throw new IllegalArgumentException(path + " is not a list");
  }
}
