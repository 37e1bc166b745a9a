package dev.rootlock.fix.yaml;

import dev.rootlock.source.tree.CollectionStyle;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a file is laid out, so that inserted lines look like their neighbours.
 *
 * @param lineBreak {@code \n} or {@code \r\n}, as the file's first line ends
 * @param indent spaces per nesting level of block mappings
 * @param sequenceIndent spaces between a key and the dashes of its block sequence: 0 for kubectl's
 *     {@code containers:\n- name: app}, usually {@code indent} for {@code containers:\n - name}
 * @param json whether the text is JSON, so that everything new must be JSON too
 */
public record Layout(String lineBreak, int indent, int sequenceIndent, boolean json) {

  /** Two-space indentation, kubectl's non-indented sequences, LF, YAML. */
  public static final Layout DEFAULT = new Layout("\n", 2, 0, false);

  /** The most common YAML layout among {@code documents} of {@code text}. */
  public static Layout detect(String text, List<Node> documents) {
    return detect(text, documents, false);
  }

  /**
   * The most common layout among {@code documents} of {@code text}, else {@link #DEFAULT}'s; the
   * indent of JSON comes from its multi-line objects.
   */
  public static Layout detect(String text, List<Node> documents, boolean json) {
    Counter counter = new Counter();
    counter.add(documents);
    return counter.layout(text, json);
  }

  /**
   * Counts the indents of documents read a few at a time (the pieces of a long text), so that the
   * layout found is the one {@link #detect} finds over all of them at once.
   */
  public static final class Counter {
    private final Map<Integer, Integer> indents = new TreeMap<>();
    private final Map<Integer, Integer> sequenceIndents = new TreeMap<>();

    /** Counts the indents of {@code documents}. */
    public void add(List<Node> documents) {
      Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      Deque<Node> pending = new ArrayDeque<>(documents);
      while (!pending.isEmpty()) {
        Node node = pending.pop();
        if (!seen.add(node)) {
          continue;
        }
        if (node instanceof MappingNode mapping) {
          for (MappingNode.Entry entry : mapping.entries()) {
            int keyColumn = entry.keyNode().start().column();
            if (entry.value() instanceof MappingNode child
                && child.style() == mapping.style()
                && !child.entries().isEmpty()
                && child.entries().get(0).keyNode().start().line()
                    > entry.keyNode().start().line()) {
              count(indents, child.entries().get(0).keyNode().start().column() - keyColumn);
            }
            if (mapping.style() == CollectionStyle.BLOCK
                && entry.value() instanceof SequenceNode child
                && child.style() == CollectionStyle.BLOCK
                && child.start().line() > entry.keyNode().start().line()) {
              count(sequenceIndents, child.start().column() - keyColumn);
            }
            pending.push(entry.value());
          }
        } else if (node instanceof SequenceNode sequence) {
          sequence.items().forEach(pending::push);
        }
      }
    }

    /** The most common layout counted, else {@link #DEFAULT}'s, with {@code text}'s line break. */
    public Layout layout(String text, boolean json) {
      int indent = mostCommon(indents, DEFAULT.indent(), 1);
      int sequenceIndent = mostCommon(sequenceIndents, DEFAULT.sequenceIndent(), 0);
      return new Layout(lineBreakOf(text), indent, sequenceIndent, json);
    }
  }

  private static void count(Map<Integer, Integer> counts, int value) {
    counts.merge(value, 1, Integer::sum);
  }

  private static int mostCommon(Map<Integer, Integer> counts, int fallback, int minimum) {
    int best = fallback;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
      if (entry.getKey() >= minimum && entry.getValue() > bestCount) {
        best = entry.getKey();
        bestCount = entry.getValue();
      }
    }
    return best;
  }

  private static String lineBreakOf(String text) {
    int newline = text.indexOf('\n');
    return newline > 0 && text.charAt(newline - 1) == '\r' ? "\r\n" : "\n";
  }
}
