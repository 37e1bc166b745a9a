package dev.rootlock.source.tree;

import dev.rootlock.model.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mapping. {@link #entries()} is what is written, in order; {@link #get} and {@link #fields()}
 * give what Kubernetes decodes, which is the same unless a key is repeated or a YAML merge key
 * ({@code <<: *anchor}) is used.
 *
 * <p>The decoded view follows go-yaml v2, which Kubernetes uses: entries are applied in order, each
 * overriding an earlier one with the same key, and a merge applies the merged mapping's fields at
 * its place (a sequence of mappings is applied last to first, so the first one wins). A field keeps
 * the place where its key first appeared.
 */
public final class MappingNode implements Node {

  /**
   * One written entry.
   *
   * @param key the key as a JSON object key: a string's content, or the canonical form of a
   *     non-string scalar ({@code true}, {@code 1})
   * @param merge whether this is a YAML merge entry ({@code <<}) rather than a field
   */
  public record Entry(String key, ScalarNode keyNode, Node value, boolean merge) {

    public Entry {
      Objects.requireNonNull(key);
      Objects.requireNonNull(keyNode);
      Objects.requireNonNull(value);
    }
  }

  private final List<Entry> entries;
  private final CollectionStyle style;
  private final Position start;
  private final Position end;
  private final Map<String, Entry> fields;

  public MappingNode(List<Entry> entries, CollectionStyle style, Position start, Position end) {
    this.entries = List.copyOf(entries);
    this.style = Objects.requireNonNull(style);
    this.start = Objects.requireNonNull(start);
    this.end = Objects.requireNonNull(end);
    this.fields = Collections.unmodifiableMap(decodedFields(this.entries));
  }

  private static Map<String, Entry> decodedFields(List<Entry> entries) {
    Map<String, Entry> fields = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (!entry.merge()) {
        fields.put(entry.key(), entry);
      } else if (entry.value() instanceof MappingNode merged) {
        fields.putAll(merged.fields);
      } else if (entry.value() instanceof SequenceNode sequence) {
        for (int i = sequence.items().size() - 1; i >= 0; i--) {
          if (sequence.items().get(i) instanceof MappingNode merged) {
            fields.putAll(merged.fields);
          }
        }
      }
    }
    return fields;
  }

  /** The entries as written, merge entries and repeated keys included. */
  public List<Entry> entries() {
    return entries;
  }

  public CollectionStyle style() {
    return style;
  }

  @Override
  public Position start() {
    return start;
  }

  @Override
  public Position end() {
    return end;
  }

  /** The decoded fields by key, in order of first appearance (see the class comment). */
  public Map<String, Entry> fields() {
    return fields;
  }

  /** The entry that decides {@code key}'s value, or null when the key is not there. */
  public Entry entry(String key) {
    return fields.get(key);
  }

  /** The value of {@code key}, or null when the key is not there (a written null is a node). */
  public Node get(String key) {
    Entry entry = fields.get(key);
    return entry == null ? null : entry.value();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MappingNode other
        && entries.equals(other.entries)
        && style == other.style
        && start.equals(other.start)
        && end.equals(other.end);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries, style, start, end);
  }

  @Override
  public String toString() {
    return "MappingNode[" + start + "-" + end + ", " + fields.keySet() + "]";
  }
}
