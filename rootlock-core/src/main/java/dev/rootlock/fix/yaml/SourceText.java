package dev.rootlock.fix.yaml;

import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;

/**
 * Where things are in a YAML text, beyond what the node tree records: line ends, comments, the
 * colon after a key, the closing bracket of a flow collection, the written end of an alias.
 */
final class SourceText {

  private final String text;

  SourceText(String text) {
    this.text = text;
  }

  /**
   * The column of {@code node} when it is the first thing on its line (a multi-line flow
   * collection, as pretty-printed JSON is), else -1.
   */
  int lineColumn(Node node) {
    int start = node.start().offset();
    int lineStart = start - (node.start().column() - 1);
    return text.substring(lineStart, start).isBlank() ? node.start().column() - 1 : -1;
  }

  /**
   * Where an entry's value ends in the text. An alias shares its anchor's node, whose positions are
   * the anchor's, so for an alias (a value that seems to start before its own key) the end of the
   * key's line is taken: an alias is one token on that line.
   */
  int writtenEnd(MappingNode.Entry entry) {
    if (entry.value().start().offset() < entry.keyNode().end().offset()) {
      int at = entry.keyNode().end().offset();
      int lineEnd = lineBreak(at);
      // Stop before a comment on the same line.
      int comment = text.indexOf(" #", at);
      return comment >= 0 && comment < lineEnd ? comment : lineEnd;
    }
    return entry.value().end().offset();
  }

  /**
   * Just after the last item of a non-empty flow collection: before its closing bracket, any
   * trailing comma, whitespace and comments (scanning back, which also works when the last item is
   * an alias).
   */
  int beforeClosing(Node node, char bracket) {
    int at = closing(node, bracket);
    while (at > node.start().offset()) {
      char c = text.charAt(at - 1);
      if (Character.isWhitespace(c) || c == ',') {
        at--;
      } else {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int hash = commentStart(lineStart, at);
        if (hash < 0) {
          break;
        }
        at = hash;
      }
    }
    return at;
  }

  /** The start of a {@code #} comment in {@code text[from, to)}, or -1 (quotes are respected). */
  int commentStart(int from, int to) {
    char quote = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == from || Character.isWhitespace(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** The offset of a flow collection's closing bracket. */
  int closing(Node node, char bracket) {
    int at = node.end().offset() - 1;
    if (at < 0 || text.charAt(at) != bracket) {
      throw new IllegalStateException("no " + bracket + " at the end of " + node);
    }
    return at;
  }

  /** Just past the line break ending the line that {@code offset} is on (or the text's end). */
  int afterLine(int offset) {
    if (offset > 0 && text.charAt(offset - 1) == '\n') {
      return offset;
    }
    int at = lineBreak(offset);
    if (at == text.length()) {
      return at;
    }
    return text.startsWith("\r\n", at) ? at + 2 : at + 1;
  }

  /** The offset of the line break ending the line that {@code offset} is on, or the text's end. */
  int lineBreak(int offset) {
    for (int i = offset; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return text.length();
  }

  /**
   * From the line break at {@code at}, skips following comment lines indented deeper than {@code
   * column} (and blank lines between them); returns the line break ending the last one skipped.
   */
  int pastDeeperComments(int at, int column) {
    int result = at;
    int next = nextLineStart(at);
    while (next < text.length()) {
      int lineEnd = lineBreak(next);
      String line = text.substring(next, lineEnd);
      String stripped = line.strip();
      if (!stripped.isEmpty()) {
        if (!stripped.startsWith("#") || indentOf(line) <= column) {
          break;
        }
        result = lineEnd;
      }
      next = nextLineStart(lineEnd);
    }
    return result;
  }

  /** The start of the line after the line break at {@code lineBreak} (or the text's end). */
  int nextLineStart(int lineBreak) {
    if (lineBreak >= text.length()) {
      return text.length();
    }
    return text.startsWith("\r\n", lineBreak) ? lineBreak + 2 : lineBreak + 1;
  }

  static int indentOf(String line) {
    int spaces = 0;
    while (spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return spaces;
  }

  /** Just past the {@code :} that follows a block mapping key. */
  int colonEnd(MappingNode.Entry entry) {
    int at = entry.keyNode().end().offset();
    while (at < text.length() && text.charAt(at) != ':') {
      at++;
    }
    return Math.min(at + 1, text.length());
  }
}
