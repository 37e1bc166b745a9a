package dev.rootlock.source.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.rootlock.model.Position;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a JSON text (one value, or several one after another, as kubectl accepts) into {@link Node}
 * trees with Jackson's streaming parser. Types are JSON's own: strings are always strings.
 */
public final class JsonTreeReader {

  private static final Pattern JACKSON_SOURCE =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]");

  private final TreeLimits limits;
  private final JsonFactory factory;

  public JsonTreeReader(TreeLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // One more than our own limit, so that ours reports it, with a position.
                    .maxNestingDepth(limits.maxDepth() + 1)
                    // The text's size is checked first; no single string needs its own limit.
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build();
  }

  /**
   * Reads every top-level value, handing each to {@code sink} as soon as it is complete; values
   * before a syntax error are handed over before the error is thrown.
   */
  public void readAll(String text, TextPositions positions, Consumer<Node> sink)
      throws TreeException {
    if (text.length() > limits.maxDocumentCodePoints()) {
      int codePoints = text.codePointCount(0, text.length());
      if (codePoints > limits.maxDocumentCodePoints()) {
        throw new TreeException(
            positions.at(0),
            "document is too large: "
                + codePoints
                + " code points, more than the limit of "
                + limits.maxDocumentCodePoints());
      }
    }
    // Jackson does not skip a byte order mark in a String; a space keeps every offset the same.
    String json = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    try (JsonParser parser = factory.createParser(json)) {
      new Builder(json, positions, parser, sink).run();
    } catch (JsonProcessingException e) {
      throw new TreeException(errorPosition(e, positions, json.length()), message(e));
    } catch (IOException e) {
      throw new TreeException(null, "cannot read JSON: " + e.getMessage());
    }
  }

  private static Position errorPosition(
      JsonProcessingException e, TextPositions positions, int length) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getCharOffset() < 0) {
      return null;
    }
    return positions.at((int) Math.min(location.getCharOffset(), length));
  }

  private static String message(JsonProcessingException e) {
    return JACKSON_SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
  }

  /** A collection being read. */
  private static final class Frame {
    final boolean object;
    final Position start;
    final List<MappingNode.Entry> entries = new ArrayList<>();
    final List<Node> items = new ArrayList<>();
    ScalarNode pendingKey;

    Frame(boolean object, Position start) {
      this.object = object;
      this.start = start;
    }
  }

  /** The state of reading one text. */
  private final class Builder {
    private final String text;
    private final TextPositions positions;
    private final JsonParser parser;
    private final Consumer<Node> sink;
    private final Deque<Frame> stack = new ArrayDeque<>();

    Builder(String text, TextPositions positions, JsonParser parser, Consumer<Node> sink) {
      this.text = text;
      this.positions = positions;
      this.parser = parser;
      this.sink = sink;
    }

    void run() throws IOException, TreeException {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        int offset = (int) parser.currentTokenLocation().getCharOffset();
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (stack.size() >= limits.maxDepth()) {
              throw new TreeException(
                  positions.at(offset),
                  "nesting is deeper than the limit of " + limits.maxDepth() + " levels");
            }
            stack.push(new Frame(token == JsonToken.START_OBJECT, positions.at(offset)));
          }
          case END_OBJECT, END_ARRAY -> {
            Frame frame = stack.pop();
            Position end = positions.at(offset + 1);
            add(
                frame.object
                    ? new MappingNode(frame.entries, CollectionStyle.FLOW, frame.start, end)
                    : new SequenceNode(frame.items, CollectionStyle.FLOW, frame.start, end));
          }
          case FIELD_NAME -> stack.peek().pendingKey = scalar(ScalarType.STRING, offset);
          default -> add(scalar(typeOf(token), offset));
        }
      }
    }

    private ScalarNode scalar(ScalarType type, int offset) throws IOException {
      String value =
          switch (type) {
            case NULL -> "null";
            case INTEGER -> new BigInteger(parser.getText()).toString();
            default -> parser.getText();
          };
      int end = tokenEnd(offset);
      ScalarStyle style =
          text.charAt(offset) == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN;
      return new ScalarNode(
          type, value, text.substring(offset, end), style, positions.at(offset), positions.at(end));
    }

    /**
     * Where the token starting at {@code offset} ends: past a string's closing quote, or a word.
     */
    private int tokenEnd(int offset) {
      int i = offset;
      if (text.charAt(i) == '"') {
        i++;
        while (text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
      }
      while (i < text.length() && isWordChar(text.charAt(i))) {
        i++;
      }
      return i;
    }

    private void add(Node node) {
      Frame parent = stack.peek();
      if (parent == null) {
        sink.accept(node);
      } else if (!parent.object) {
        parent.items.add(node);
      } else {
        ScalarNode key = parent.pendingKey;
        parent.entries.add(new MappingNode.Entry(key.value(), key, node, false));
        parent.pendingKey = null;
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.';
  }

  private static ScalarType typeOf(JsonToken token) {
    return switch (token) {
      case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOLEAN;
      case VALUE_NULL -> ScalarType.NULL;
      case VALUE_NUMBER_INT -> ScalarType.INTEGER;
      case VALUE_NUMBER_FLOAT -> ScalarType.FLOAT;
      default -> ScalarType.STRING;
    };
  }
}
