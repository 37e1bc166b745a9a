package dev.rootlock.fix.yaml;

import dev.rootlock.fix.plan.Change;
import dev.rootlock.model.FieldPath;
import dev.rootlock.source.tree.CollectionStyle;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link Change}s into text edits of the original YAML at the parser's positions; nothing is
 * re-serialised. New keys go after the last key of their mapping, indented like it; new list items
 * after the last item, at its dash's column; a flow collection ({@code {}}, {@code [a]}) gets flow
 * text; a replaced scalar keeps any anchor or tag written before it. Several changes under one
 * missing parent become one inserted block.
 *
 * <p>An edit inside a node that a YAML alias or merge key also uses changes every use; the editor
 * names the anchors concerned, and the caller's verification decides whether that was intended.
 */
public final class YamlEditor {

  private static final Pattern PROPERTIES = Pattern.compile("^((?:[&!][^\\s]*\\s+)*)");

  private final String text;
  private final SourceText source;
  private final YamlRender render;

  public YamlEditor(String text, Layout layout) {
    this.text = text;
    this.source = new SourceText(text);
    this.render = new YamlRender(layout);
  }

  /** The edits and the anchors they go through. */
  public record Result(List<TextEdit> edits, List<String> anchors) {

    public Result {
      edits = List.copyOf(edits);
      anchors = List.copyOf(anchors);
    }
  }

  /** The pending additions and removals of one mapping. */
  private static final class MappingEdits {
    final Map<String, Object> added = new LinkedHashMap<>();
    final List<MappingNode.Entry> removed = new ArrayList<>();
  }

  private final class Session {
    final IdentityHashMap<MappingNode, MappingEdits> mappings = new IdentityHashMap<>();
    final IdentityHashMap<MappingNode.Entry, Object> fills = new IdentityHashMap<>();
    final IdentityHashMap<MappingNode.Entry, Boolean> fillFlow = new IdentityHashMap<>();
    final IdentityHashMap<SequenceNode, List<Object>> appends = new IdentityHashMap<>();
    final IdentityHashMap<Node, MappingNode.Entry> owners = new IdentityHashMap<>();
    final List<Placed> edits = new ArrayList<>();
    final Set<String> anchors = new LinkedHashSet<>();
    final Map<Node, Integer> uses;
    final Map<Node, Integer> depths;

    Session(Node root) {
      uses = Uses.count(root);
      depths = Uses.depths(root);
    }

    void add(TextEdit edit, Node owner) {
      edits.add(new Placed(edit, depths.getOrDefault(owner, 0)));
    }

    /**
     * Lines inserted at a line break that a removal of whole lines swallows (a mapping's new keys
     * after a nested entry that is being removed) go just after the removal instead.
     */
    private Placed outOfRemovals(Placed placed) {
      TextEdit edit = placed.edit();
      String lineBreak = render.layout().lineBreak();
      if (edit.start() != edit.end() || !edit.replacement().startsWith(lineBreak)) {
        return placed;
      }
      for (Placed other : edits) {
        TextEdit removal = other.edit();
        if (removal.start() < edit.start()
            && edit.start() < removal.end()
            && removal.replacement().isEmpty()
            && (removal.end() == text.length() || text.charAt(removal.end() - 1) == '\n')) {
          String lines = edit.replacement().substring(lineBreak.length()) + lineBreak;
          return new Placed(new TextEdit(removal.end(), removal.end(), lines), placed.depth());
        }
      }
      return placed;
    }

    /**
     * The edits in text order; insertions at one offset deepest first, so that items appended to a
     * nested list come before the keys added to the mapping around it.
     */
    List<TextEdit> ordered() {
      List<Placed> sorted = new ArrayList<>();
      for (Placed placed : edits) {
        sorted.add(outOfRemovals(placed));
      }
      sorted.sort(
          Comparator.comparingInt((Placed p) -> p.edit().start())
              .thenComparingInt(p -> p.edit().end())
              .thenComparingInt(p -> -p.depth()));
      return sorted.stream().map(Placed::edit).toList();
    }
  }

  /** An edit and the depth of the node it belongs to. */
  private record Placed(TextEdit edit, int depth) {}

  /** The edits that make {@code changes} to the object whose root is {@code root}. */
  public Result edits(Node root, List<Change> changes) throws EditException {
    Session session = new Session(root);
    for (Change change : changes) {
      switch (change) {
        case Change.SetField set -> set(session, root, set.path(), Values.normalise(set.value()));
        case Change.AppendItem append ->
            append(session, root, append.path(), Values.normalise(append.value()));
        case Change.RemoveField remove -> remove(session, root, remove.path());
      }
    }
    for (Map.Entry<MappingNode, MappingEdits> entry : session.mappings.entrySet()) {
      mappingEdits(session, entry.getKey(), entry.getValue());
    }
    for (Map.Entry<MappingNode.Entry, Object> entry : session.fills.entrySet()) {
      fill(session, entry.getKey(), entry.getValue(), session.fillFlow.get(entry.getKey()));
    }
    for (Map.Entry<SequenceNode, List<Object>> entry : session.appends.entrySet()) {
      appendItems(session, entry.getKey(), entry.getValue());
    }
    return new Result(session.ordered(), List.copyOf(session.anchors));
  }

  // --- following paths ------------------------------------------------------------------------

  private void set(Session session, Node root, FieldPath path, Object value) throws EditException {
    List<Object> segments = path.segments();
    Node node = root;
    MappingNode.Entry owner = null;
    boolean flow = false;
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      flow |= isFlow(node);
      if (node instanceof MappingNode mapping && segment instanceof String key) {
        MappingNode.Entry entry = mapping.entry(key);
        boolean last = i == segments.size() - 1;
        // A field set on a mapping that only merges it in (<<) gets its own key, which wins.
        if (entry == null || entry.value().isNull() || (last && !writtenIn(mapping, entry))) {
          Object rest = Values.wrap(segments.subList(i + 1, segments.size()), value, path);
          if (entry == null || !writtenIn(mapping, entry)) {
            Values.merge(edits(session, mapping).added, key, rest, false, shared(session, mapping));
          } else {
            noteShared(session, mapping, entry);
            addFill(session, entry, rest, flow || isFlow(mapping), false);
          }
          return;
        }
        noteShared(session, mapping, entry);
        session.owners.putIfAbsent(entry.value(), entry);
        owner = entry;
        node = entry.value();
      } else if (node instanceof SequenceNode sequence && segment instanceof Integer index) {
        node = item(sequence, index, path);
        noteShared(session, node);
        owner = null;
      } else {
        throw new EditException(path + ": " + describe(node) + " cannot hold " + segment);
      }
    }
    replace(session, node, owner, value, flow || isFlow(node), path);
  }

  private void append(Session session, Node root, FieldPath path, Object value)
      throws EditException {
    List<Object> segments = path.segments();
    Node node = root;
    boolean flow = false;
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      flow |= isFlow(node);
      if (node instanceof MappingNode mapping && segment instanceof String key) {
        MappingNode.Entry entry = mapping.entry(key);
        if (entry == null || entry.value().isNull()) {
          Object rest = Values.wrap(segments.subList(i + 1, segments.size()), listOf(value), path);
          if (entry == null) {
            Values.merge(edits(session, mapping).added, key, rest, true, shared(session, mapping));
          } else {
            noteShared(session, mapping, entry);
            addFill(session, entry, rest, flow || isFlow(mapping), true);
          }
          return;
        }
        noteShared(session, mapping, entry);
        session.owners.putIfAbsent(entry.value(), entry);
        node = entry.value();
      } else if (node instanceof SequenceNode sequence && segment instanceof Integer index) {
        node = item(sequence, index, path);
        noteShared(session, node);
      } else {
        throw new EditException(path + ": " + describe(node) + " cannot hold " + segment);
      }
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw new EditException(path + ": " + describe(node) + " is not a list");
    }
    List<Object> queued = session.appends.computeIfAbsent(sequence, s -> new ArrayList<>());
    if (!shared(session, sequence) || !queued.contains(value)) {
      queued.add(value);
    }
  }

  private void remove(Session session, Node root, FieldPath path) throws EditException {
    List<Object> segments = path.segments();
    if (segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String key)) {
      throw new EditException(path + ": only mapping keys can be removed");
    }
    Node node = root;
    for (Object segment : segments.subList(0, segments.size() - 1)) {
      if (node instanceof MappingNode mapping && segment instanceof String k) {
        MappingNode.Entry entry = mapping.entry(k);
        if (entry == null) {
          return;
        }
        noteShared(session, mapping, entry);
        session.owners.putIfAbsent(entry.value(), entry);
        node = entry.value();
      } else if (node instanceof SequenceNode sequence && segment instanceof Integer index) {
        node = item(sequence, index, path);
      } else {
        return;
      }
    }
    if (node instanceof MappingNode mapping && mapping.entry(key) != null) {
      MappingNode.Entry entry = mapping.entry(key);
      if (!writtenIn(mapping, entry)) {
        throw new EditException(
            path + ": the field comes from a YAML merge key (<<) and cannot be removed here");
      }
      edits(session, mapping).removed.add(entry);
    }
  }

  private static MappingEdits edits(Session session, MappingNode mapping) {
    return session.mappings.computeIfAbsent(mapping, m -> new MappingEdits());
  }

  private static void addFill(
      Session session, MappingNode.Entry entry, Object value, boolean flow, boolean append) {
    session.owners.putIfAbsent(entry.value(), entry);
    Object previous = session.fills.get(entry);
    if (previous == null) {
      session.fills.put(entry, value);
    } else {
      Map<String, Object> holder = new LinkedHashMap<>();
      holder.put("v", previous);
      Values.merge(holder, "v", value, append, session.uses.getOrDefault(entry.value(), 1) > 1);
      session.fills.put(entry, holder.get("v"));
    }
    session.fillFlow.put(entry, flow);
  }

  /** Whether more than one place uses {@code node} (an anchor with aliases, a merged mapping). */
  private static boolean shared(Session session, Node node) {
    return session.uses.getOrDefault(node, 1) > 1;
  }

  private static Node item(SequenceNode sequence, int index, FieldPath path) throws EditException {
    if (index < 0 || index >= sequence.items().size()) {
      throw new EditException(path + ": list has no item " + index);
    }
    return sequence.items().get(index);
  }

  private static List<Object> listOf(Object value) {
    List<Object> list = new ArrayList<>();
    list.add(value);
    return list;
  }

  private static boolean isFlow(Node node) {
    return (node instanceof MappingNode m && m.style() == CollectionStyle.FLOW)
        || (node instanceof SequenceNode s && s.style() == CollectionStyle.FLOW);
  }

  @SuppressWarnings("ReferenceEquality") // this very entry: equal records may sit in two mappings
  private static boolean writtenIn(MappingNode mapping, MappingNode.Entry entry) {
    for (MappingNode.Entry written : mapping.entries()) {
      if (written == entry) {
        return true;
      }
    }
    return false;
  }

  /** Records the anchor when the entry comes from a merge key or its value is an alias. */
  private void noteShared(Session session, MappingNode mapping, MappingNode.Entry entry) {
    if (!writtenIn(mapping, entry)) {
      session.anchors.add(anchorAt(entry.keyNode()) + " (merged with <<)");
    }
    noteShared(session, entry.value());
  }

  private void noteShared(Session session, Node node) {
    if (session.uses.getOrDefault(node, 1) > 1) {
      session.anchors.add(anchorAt(node));
    }
  }

  /** {@code &name at line N} for an anchored node, else where the shared node is. */
  private String anchorAt(Node node) {
    Matcher matcher =
        Pattern.compile("&([^\\s,\\[\\]{}]+)")
            .matcher(
                text.substring(
                    node.start().offset(),
                    Math.min(node.end().offset(), node.start().offset() + 200)));
    String name = matcher.lookingAt() ? "&" + matcher.group(1) : "a shared node";
    return name + " at line " + node.start().line();
  }

  private static String describe(Node node) {
    return switch (node) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a list";
      case ScalarNode s -> "the scalar " + s.raw();
    };
  }

  // --- writing --------------------------------------------------------------------------------

  private void replace(
      Session session,
      Node node,
      MappingNode.Entry owner,
      Object value,
      boolean flow,
      FieldPath path)
      throws EditException {
    if (Values.equal(PlainTree.of(node), value)) {
      return;
    }
    int start = node.start().offset();
    int end = node.end().offset();
    if (node instanceof ScalarNode scalar) {
      if (!YamlRender.inline(value) && !flow) {
        if (owner == null) {
          throw new EditException(
              path + ": cannot replace a list item scalar with a block collection");
        }
        // tmpfs: /run becomes a block list under its key, like a filled null.
        session.add(new TextEdit(source.colonEnd(owner), end, ""), node);
        int keyColumn = owner.keyNode().start().column() - 1;
        insertLinesAfter(session, node, end, render.nested(value, keyColumn));
        return;
      }
      Matcher properties = PROPERTIES.matcher(scalar.raw());
      int skip = properties.lookingAt() ? properties.group(1).length() : 0;
      session.add(new TextEdit(start + skip, end, render.inline(value, flow)), node);
      return;
    }
    if (flow || YamlRender.inline(value)) {
      session.add(new TextEdit(start, end, spreadIfJson(session, node, value)), node);
      return;
    }
    int column = node.start().column() - 1;
    List<String> lines =
        value instanceof Map<?, ?> map
            ? render.entries(map, column)
            : render.items((List<?>) value, column);
    lines.set(0, lines.get(0).substring(column));
    session.add(new TextEdit(start, end, render.join(lines)), node);
  }

  /**
   * A flow value for {@code node}: pretty-printed when the file is JSON and the key it belongs to
   * starts its line, else on one line.
   */
  private String spreadIfJson(Session session, Node node, Object value) {
    MappingNode.Entry owner = session.owners.get(node);
    if (render.layout().json() && owner != null && source.lineColumn(owner.keyNode()) >= 0) {
      return render.spread(value, source.lineColumn(owner.keyNode()));
    }
    return render.flow(value);
  }

  private void fill(Session session, MappingNode.Entry entry, Object value, boolean flow) {
    Node nul = entry.value();
    int start = nul.start().offset();
    int end = nul.end().offset();
    if (flow || YamlRender.inline(value)) {
      String rendered =
          YamlRender.inline(value) ? render.inline(value, flow) : spreadIfJson(session, nul, value);
      session.add(new TextEdit(start, end, start == end ? " " + rendered : rendered), nul);
      return;
    }
    if (start != end) {
      // An explicit null (~, null) goes; the key keeps its colon and any comment after it.
      session.add(new TextEdit(source.colonEnd(entry), end, ""), nul);
    }
    int keyColumn = entry.keyNode().start().column() - 1;
    insertLinesAfter(session, nul, end, render.nested(value, keyColumn));
  }

  private void appendItems(Session session, SequenceNode sequence, List<Object> values) {
    if (sequence.style() == CollectionStyle.FLOW) {
      if (sequence.items().isEmpty()) {
        session.add(
            new TextEdit(
                sequence.start().offset(),
                sequence.end().offset(),
                spreadIfJson(session, sequence, values)),
            sequence);
        return;
      }
      Node last = sequence.items().get(sequence.items().size() - 1);
      int at = source.beforeClosing(sequence, ']');
      int column = source.lineColumn(last);
      List<String> parts = new ArrayList<>();
      for (Object value : values) {
        parts.add(column < 0 ? render.flow(value) : render.spread(value, column));
      }
      session.add(
          new TextEdit(at, at, flowSeparator(column) + String.join(flowSeparator(column), parts)),
          sequence);
      return;
    }
    int dashColumn = sequence.start().column() - 1;
    insertLinesAfter(session, sequence, sequence.end().offset(), render.items(values, dashColumn));
  }

  /** {@code , } inside one line, or a comma and a new line indented to {@code column}. */
  private String flowSeparator(int column) {
    return column < 0 ? ", " : "," + render.layout().lineBreak() + " ".repeat(column);
  }

  @SuppressWarnings("ReferenceEquality") // this very entry: equal records may sit in two mappings
  private void mappingEdits(Session session, MappingNode mapping, MappingEdits pending)
      throws EditException {
    List<MappingNode.Entry> remaining = new ArrayList<>();
    for (MappingNode.Entry entry : mapping.entries()) {
      if (!pending.removed.contains(entry)) {
        remaining.add(entry);
      }
    }
    if (mapping.style() == CollectionStyle.FLOW) {
      flowMappingEdits(session, mapping, pending, remaining);
      return;
    }
    List<TextEdit> removals = new ArrayList<>();
    for (MappingNode.Entry entry : pending.removed) {
      removals.add(removeLines(entry));
    }
    removals.forEach(removal -> session.add(removal, mapping));
    if (!pending.added.isEmpty()) {
      int keyColumn = mapping.entries().get(0).keyNode().start().column() - 1;
      List<String> lines = render.entries(pending.added, keyColumn);
      if (!remaining.isEmpty()) {
        MappingNode.Entry last = remaining.get(remaining.size() - 1);
        int end =
            last == mapping.entries().get(mapping.entries().size() - 1)
                ? mapping.end().offset()
                : source.writtenEnd(last);
        insertLinesAfter(session, mapping, end, lines);
      } else {
        int at = removals.get(0).start();
        session.add(
            new TextEdit(at, at, render.join(lines) + render.layout().lineBreak()), mapping);
      }
    } else if (remaining.isEmpty()) {
      MappingNode.Entry owner = session.owners.get(mapping);
      if (owner == null) {
        throw new EditException("cannot empty a mapping that is not the value of a key");
      }
      int at = source.colonEnd(owner);
      session.add(new TextEdit(at, at, " {}"), mapping);
    }
  }

  @SuppressWarnings("ReferenceEquality") // this very entry: equal records may sit in two mappings
  private void flowMappingEdits(
      Session session, MappingNode mapping, MappingEdits pending, List<MappingNode.Entry> remaining)
      throws EditException {
    List<MappingNode.Entry> written = mapping.entries();
    for (MappingNode.Entry entry : pending.removed) {
      int index = written.indexOf(entry);
      int start;
      int end;
      if (index + 1 < written.size()) {
        start = entry.keyNode().start().offset();
        end = written.get(index + 1).keyNode().start().offset();
      } else if (index > 0) {
        start = source.writtenEnd(written.get(index - 1));
        end = source.writtenEnd(entry);
      } else {
        start = entry.keyNode().start().offset();
        end = source.writtenEnd(entry);
      }
      session.add(new TextEdit(start, end, ""), mapping);
    }
    if (pending.added.isEmpty()) {
      return;
    }
    int column =
        remaining.isEmpty() ? -1 : source.lineColumn(remaining.get(remaining.size() - 1).keyNode());
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> entry : pending.added.entrySet()) {
      parts.add(
          render.scalar(entry.getKey(), true)
              + ": "
              + (column < 0
                  ? render.flow(entry.getValue())
                  : render.spread(entry.getValue(), column)));
    }
    String joined = String.join(column < 0 ? ", " : flowSeparator(column), parts);
    if (!remaining.isEmpty()) {
      int at =
          remaining.get(remaining.size() - 1) == written.get(written.size() - 1)
              ? source.beforeClosing(mapping, '}')
              : source.writtenEnd(remaining.get(remaining.size() - 1));
      session.add(new TextEdit(at, at, flowSeparator(column) + joined), mapping);
    } else if (!written.isEmpty()) {
      int at = written.get(0).keyNode().start().offset();
      session.add(new TextEdit(at, at, joined), mapping);
    } else {
      session.add(
          new TextEdit(
              mapping.start().offset(),
              mapping.end().offset(),
              spreadIfJson(session, mapping, pending.added)),
          mapping);
    }
  }

  /** The lines of a block mapping entry, from its line's start through its line break. */
  private TextEdit removeLines(MappingNode.Entry entry) throws EditException {
    int keyStart = entry.keyNode().start().offset();
    int lineStart = keyStart - (entry.keyNode().start().column() - 1);
    if (!text.substring(lineStart, keyStart).isBlank()) {
      throw new EditException(
          "cannot remove "
              + entry.key()
              + " at line "
              + entry.keyNode().start().line()
              + ": it shares its line with another node");
    }
    return new TextEdit(lineStart, source.afterLine(source.writtenEnd(entry)), "");
  }

  /**
   * Inserts whole lines after the line that a node ending at {@code end} finishes on, and after any
   * comment lines below it that are indented deeper than the new lines: those belong to the node.
   */
  private void insertLinesAfter(Session session, Node owner, int end, List<String> lines) {
    String joined = render.join(lines);
    String lineBreak = render.layout().lineBreak();
    int at;
    if (end > 0 && text.charAt(end - 1) == '\n') {
      // A block scalar ends after its own line break.
      at = end - 1 > 0 && text.charAt(end - 2) == '\r' ? end - 2 : end - 1;
    } else {
      at = source.lineBreak(end);
    }
    at = source.pastDeeperComments(at, SourceText.indentOf(lines.get(0)));
    session.add(new TextEdit(at, at, lineBreak + joined), owner);
  }
}
