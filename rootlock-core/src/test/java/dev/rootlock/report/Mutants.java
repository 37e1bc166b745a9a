package dev.rootlock.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Hostile variants of a YAML document for the fuzz suite: the document is loaded into plain Java
 * maps and lists, changed a few times at random places (a value swapped for one of another type, an
 * entry deleted, a subtree duplicated by reference, which the dumper writes as an anchor and
 * aliases, odd characters, deep nesting, a merge key), and dumped back. Comment lines are then put
 * before top-level keys, so that the fixer can be held to keeping them.
 */
final class Mutants {

  private static final List<Object> ODD_VALUES =
      List.of(
          -1,
          List.of(),
          Map.of(),
          "",
          "yes",
          true,
          1.5,
          "1e400",
          "99999999999999999999999999",
          "\u202e\u0085\ufeffx",
          "a\tb\r\nc",
          "${HOME}",
          "*ref",
          "&anchor x",
          "--- ",
          "\u0007bell",
          "😀",
          "x".repeat(100_000));

  private final Random random;

  Mutants(long seed) {
    this.random = new Random(seed);
  }

  /** The documents of {@code text} mutated {@code steps} times, as YAML text with comments. */
  String mutate(String text, int steps) {
    List<Object> documents = new ArrayList<>();
    try {
      new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
          .loadAllFromString(text)
          .forEach(documents::add);
    } catch (RuntimeException e) {
      return text; // an unparseable seed is its own mutant
    }
    for (int i = 0; i < steps && !documents.isEmpty(); i++) {
      int at = random.nextInt(documents.size());
      documents.set(at, mutateSomewhere(documents.get(at)));
    }
    String dumped;
    try {
      DumpSettings settings =
          DumpSettings.builder()
              .setDefaultFlowStyle(random.nextInt(4) == 0 ? FlowStyle.FLOW : FlowStyle.BLOCK)
              .build();
      dumped = new Dump(settings).dumpAllToString(documents.iterator());
    } catch (RuntimeException | StackOverflowError e) {
      return text;
    }
    return withComments(dumped);
  }

  /** Changes one node, found by a random walk down the tree; returns the (new) root. */
  private Object mutateSomewhere(Object root) {
    if (root instanceof Map<?, ?> || root instanceof List<?>) {
      Object container = root;
      Object ancestor = root;
      // Walk down a few levels, keeping the parent to change.
      for (int depth = random.nextInt(8); depth > 0; depth--) {
        Object child = randomChild(container);
        if (!(child instanceof Map<?, ?> || child instanceof List<?>)) {
          break;
        }
        container = child;
      }
      change(container, ancestor);
      return root;
    }
    return pick(ODD_VALUES);
  }

  @SuppressWarnings("unchecked")
  private void change(Object container, Object root) {
    if (container instanceof Map<?, ?> raw) {
      Map<Object, Object> map = (Map<Object, Object>) raw;
      if (map.isEmpty()) {
        map.put("odd", pick(ODD_VALUES));
        return;
      }
      Object key = new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
      switch (random.nextInt(7)) {
        case 0 -> map.put(key, pick(ODD_VALUES)); // type swap
        case 1 -> map.remove(key); // deletion
        case 2 -> map.put(key + "-copy", map.get(key)); // duplication: an anchor and an alias
        case 3 -> map.put(key, nest(map.get(key), 20 + random.nextInt(200))); // deep nesting
        case 4 -> map.put(pick(ODD_VALUES).toString(), map.remove(key)); // odd key
        case 5 -> map.put("<<", root instanceof Map<?, ?> ? root : map.get(key)); // merge key
        default -> map.put(key, null); // explicit null
      }
    } else if (container instanceof List<?> raw) {
      List<Object> list = (List<Object>) raw;
      if (list.isEmpty()) {
        list.add(pick(ODD_VALUES));
        return;
      }
      int index = random.nextInt(list.size());
      switch (random.nextInt(5)) {
        case 0 -> list.set(index, pick(ODD_VALUES));
        case 1 -> list.remove(index);
        case 2 -> list.add(list.get(index));
        case 3 -> list.set(index, nest(list.get(index), 20 + random.nextInt(200)));
        default -> list.add(index, null);
      }
    }
  }

  private Object randomChild(Object container) {
    if (container instanceof Map<?, ?> map && !map.isEmpty()) {
      return new ArrayList<>(map.values()).get(random.nextInt(map.size()));
    }
    if (container instanceof List<?> list && !list.isEmpty()) {
      return list.get(random.nextInt(list.size()));
    }
    return null;
  }

  private Object nest(Object value, int depth) {
    Object nested = value;
    for (int i = 0; i < depth; i++) {
      if (random.nextBoolean()) {
        nested = new ArrayList<>(List.of(nested == null ? "x" : nested));
      } else {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k", nested);
        nested = map;
      }
    }
    return nested;
  }

  private Object pick(List<Object> values) {
    Object value = values.get(random.nextInt(values.size()));
    // Fresh mutable copies, so that later changes do not touch the shared constants.
    if (value instanceof List<?>) {
      return new ArrayList<>();
    }
    if (value instanceof Map<?, ?>) {
      return new LinkedHashMap<>();
    }
    return value;
  }

  /** A comment line before each top-level key (a place no scalar can continue into). */
  private String withComments(String yaml) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty() && Character.isLetter(line.charAt(0)) && random.nextInt(3) == 0) {
        out.append("# fuzz comment ").append(n++).append('\n');
      }
      out.append(line).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /** The comment lines {@link #withComments} added, or any other whole-line comments. */
  static List<String> commentLines(String text) {
    return text.lines().filter(line -> line.startsWith("# fuzz comment ")).toList();
  }
}
