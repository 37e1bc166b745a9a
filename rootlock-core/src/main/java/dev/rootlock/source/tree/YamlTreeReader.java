package dev.rootlock.source.tree;

import dev.rootlock.model.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads one YAML document into a {@link Node} tree from snakeyaml-engine's parse events. Building
 * from events (rather than snakeyaml's composer) lets it resolve scalars with the caller's YAML
 * dialect, keep exact UTF-16 positions, and bound depth and alias expansion without recursion.
 */
public final class YamlTreeReader {

  private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
  private static final String MERGE_TAG = CORE_TAG_PREFIX + "merge";

  private final ScalarResolver resolver;
  private final TreeLimits limits;
  private final LoadSettings settings;

  public YamlTreeReader(ScalarResolver resolver, TreeLimits limits) {
    this.resolver = resolver;
    this.limits = limits;
    this.settings =
        LoadSettings.builder()
            .setCodePointLimit(limits.maxDocumentCodePoints())
            .setParseComments(false)
            .build();
  }

  /**
   * Reads the first document of {@code text[from, to)}; anything after an explicit document end
   * ({@code ...}) is ignored, as go-yaml's {@code Unmarshal} does.
   *
   * @param positions positions over the whole {@code text}
   * @return the document's root, or empty when the slice holds no document (only comments, say)
   */
  public Optional<Node> readFirst(String text, int from, int to, TextPositions positions)
      throws TreeException {
    if (to - from > limits.maxDocumentCodePoints()) {
      int codePoints = text.codePointCount(from, to);
      if (codePoints > limits.maxDocumentCodePoints()) {
        throw new TreeException(
            positions.at(from),
            "document is too large: "
                + codePoints
                + " code points, more than the limit of "
                + limits.maxDocumentCodePoints());
      }
    }
    Builder builder = new Builder(text, new CodePointOffsets(text, from, to), positions);
    try {
      for (Event event : new Parse(settings).parseString(text.substring(from, to))) {
        if (builder.accept(event)) {
          break;
        }
      }
    } catch (MarkedYamlEngineException e) {
      throw builder.syntaxError(e);
    } catch (ReaderException e) {
      throw new TreeException(
          builder.position(e.getPosition()),
          String.format("character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YamlEngineException e) {
      throw new TreeException(positions.at(from), e.getMessage());
    }
    return Optional.ofNullable(builder.root);
  }

  /** A collection being read: what it has so far. */
  private static final class Frame {
    final CollectionStartEvent startEvent;
    final Position start;
    final String anchor;
    final long builtBefore;
    final List<MappingNode.Entry> entries = new ArrayList<>();
    final List<Node> items = new ArrayList<>();
    ScalarNode pendingKey;
    boolean pendingMerge;
    Position lastEnd;

    Frame(CollectionStartEvent startEvent, Position start, String anchor, long builtBefore) {
      this.startEvent = startEvent;
      this.start = start;
      this.anchor = anchor;
      this.builtBefore = builtBefore;
    }

    boolean isMapping() {
      return startEvent instanceof MappingStartEvent;
    }
  }

  /** The state of reading one document. */
  private final class Builder {
    private final String text;
    private final CodePointOffsets offsets;
    private final TextPositions positions;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private long built;
    private int aliasesForCollections;
    private long aliasedNodes;
    private Node root;

    Builder(String text, CodePointOffsets offsets, TextPositions positions) {
      this.text = text;
      this.offsets = offsets;
      this.positions = positions;
    }

    /** Takes one event; true once the first document is complete. */
    boolean accept(Event event) throws TreeException {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> start((CollectionStartEvent) event);
        case MappingEnd, SequenceEnd -> end(event);
        case Scalar -> scalar((ScalarEvent) event);
        case Alias -> alias((AliasEvent) event);
        case DocumentEnd -> {
          return true;
        }
        default -> {
          // Stream and document starts, comments: nothing to build.
        }
      }
      return false;
    }

    private void start(CollectionStartEvent event) throws TreeException {
      Position start = position(event.getStartMark());
      if (stack.size() >= limits.maxDepth()) {
        throw new TreeException(
            start, "nesting is deeper than the limit of " + limits.maxDepth() + " levels");
      }
      String anchor = anchorOf(event);
      if (anchor != null) {
        openAnchors.add(anchor);
      }
      stack.push(new Frame(event, start, anchor, built));
    }

    private void end(Event event) throws TreeException {
      Frame frame = stack.pop();
      boolean flow = frame.startEvent.getFlowStyle() == FlowStyle.FLOW;
      Position end = flow || frame.lastEnd == null ? position(event.getEndMark()) : frame.lastEnd;
      CollectionStyle style = flow ? CollectionStyle.FLOW : CollectionStyle.BLOCK;
      Node node =
          frame.isMapping()
              ? new MappingNode(frame.entries, style, frame.start, end)
              : new SequenceNode(frame.items, style, frame.start, end);
      built++;
      if (frame.anchor != null) {
        openAnchors.remove(frame.anchor);
        anchors.put(frame.anchor, node);
        anchorSizes.put(frame.anchor, built - frame.builtBefore);
      }
      add(node, end, false);
    }

    private void scalar(ScalarEvent event) throws TreeException {
      Position start = position(event.getStartMark());
      Position end = position(event.getEndMark());
      String tag = event.getTag().orElse(null);
      boolean plain = event.isPlain();
      ScalarResolver.Resolved resolved;
      try {
        resolved = resolver.resolve(event.getValue(), shortTag(tag), plain);
      } catch (IllegalArgumentException e) {
        throw new TreeException(start, e.getMessage());
      }
      ScalarNode node =
          new ScalarNode(
              resolved.type(),
              resolved.value(),
              text.substring(start.offset(), end.offset()),
              styleOf(event),
              start,
              end);
      built++;
      String anchor = anchorOf(event);
      if (anchor != null) {
        anchors.put(anchor, node);
        anchorSizes.put(anchor, 1L);
      }
      boolean merge =
          "<<".equals(event.getValue()) && ((tag == null && plain) || MERGE_TAG.equals(tag));
      add(node, end, merge);
    }

    private void alias(AliasEvent event) throws TreeException {
      Position start = position(event.getStartMark());
      String name = event.getAlias().getValue();
      if (openAnchors.contains(name)) {
        throw new TreeException(start, "anchor '" + name + "' value contains itself");
      }
      Node node = anchors.get(name);
      if (node == null) {
        throw new TreeException(start, "unknown anchor '" + name + "' referenced");
      }
      long size = anchorSizes.get(name);
      if (!(node instanceof ScalarNode)) {
        if (++aliasesForCollections > limits.maxAliasesForCollections()) {
          throw new TreeException(
              start,
              "more than "
                  + limits.maxAliasesForCollections()
                  + " aliases of mappings or sequences in one document");
        }
        aliasedNodes += size;
        if (aliasedNodes > limits.maxAliasedNodes()) {
          throw new TreeException(
              start,
              "aliases repeat more than "
                  + limits.maxAliasedNodes()
                  + " nodes in one document (an alias bomb?)");
        }
      }
      built += size;
      add(node, position(event.getEndMark()), false);
    }

    private void add(Node node, Position writtenEnd, boolean mergeKey) throws TreeException {
      Frame parent = stack.peek();
      if (parent == null) {
        root = node;
        return;
      }
      parent.lastEnd = writtenEnd;
      if (!parent.isMapping()) {
        parent.items.add(node);
      } else if (parent.pendingKey == null) {
        if (!(node instanceof ScalarNode key)) {
          throw new TreeException(node.start(), "mapping keys must be scalars");
        }
        parent.pendingKey = key;
        parent.pendingMerge = mergeKey;
      } else {
        if (parent.pendingMerge && !isMergeable(node)) {
          throw new TreeException(
              node.start(), "map merge requires map or sequence of maps as the value");
        }
        parent.entries.add(
            new MappingNode.Entry(
                parent.pendingKey.value(), parent.pendingKey, node, parent.pendingMerge));
        parent.pendingKey = null;
        parent.pendingMerge = false;
      }
    }

    private static boolean isMergeable(Node node) {
      return node instanceof MappingNode
          || (node instanceof SequenceNode sequence
              && sequence.items().stream().allMatch(MappingNode.class::isInstance));
    }

    TreeException syntaxError(MarkedYamlEngineException e) {
      Position at = e.getProblemMark().or(e::getContextMark).map(this::position).orElse(null);
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getContextMark().isPresent()) {
        problem += " (" + e.getContext() + " at " + position(e.getContextMark().get()) + ")";
      } else if (e.getContext() != null) {
        problem += " (" + e.getContext() + ")";
      }
      return new TreeException(at, problem);
    }

    Position position(int codePointIndex) {
      return positions.at(offsets.offset(codePointIndex));
    }

    private Position position(Mark mark) {
      return position(mark.getIndex());
    }

    private Position position(Optional<Mark> mark) {
      return position(mark.orElseThrow());
    }
  }

  private static String anchorOf(NodeEvent event) {
    return event.getAnchor().map(a -> a.getValue()).orElse(null);
  }

  private static String shortTag(String tag) {
    if (tag != null && tag.startsWith(CORE_TAG_PREFIX)) {
      return "!!" + tag.substring(CORE_TAG_PREFIX.length());
    }
    return tag;
  }

  private static ScalarStyle styleOf(ScalarEvent event) {
    return switch (event.getScalarStyle()) {
      case PLAIN -> ScalarStyle.PLAIN;
      case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
      case LITERAL -> ScalarStyle.LITERAL;
      case FOLDED -> ScalarStyle.FOLDED;
      default -> ScalarStyle.DOUBLE_QUOTED;
    };
  }
}
