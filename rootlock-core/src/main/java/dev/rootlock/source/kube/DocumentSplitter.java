package dev.rootlock.source.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into documents the way kubectl does (apimachinery's YAMLReader), before any
 * YAML parsing: a line starting with {@code ---} is a separator, and only whitespace or a {@code
 * #comment} may follow on it. kubectl stops at a line like {@code --- !!map} with "invalid Yaml
 * document separator"; here it is reported, still taken as a separator, and reading goes on.
 */
final class DocumentSplitter {

  private static final String SEPARATOR = "---";

  /** The text between two separators: {@code text.substring(start, end)}. */
  record Document(int start, int end) {}

  /** A separator line with something else after the dashes. */
  record BadSeparator(int lineStart, String rest) {

    /** kubectl's message. */
    String message() {
      return "invalid Yaml document separator: " + rest;
    }
  }

  /** Documents in order, none of them empty, and the bad separators found. */
  record Split(List<Document> documents, List<BadSeparator> badSeparators) {}

  private DocumentSplitter() {}

  static Split split(String text) {
    List<Document> documents = new ArrayList<>();
    List<BadSeparator> bad = new ArrayList<>();
    int documentStart = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      int next = newline < 0 ? text.length() : newline + 1;
      if (text.startsWith(SEPARATOR, lineStart)) {
        String rest = trimSpace(text.substring(lineStart + SEPARATOR.length(), lineEnd));
        if (!rest.isEmpty() && rest.charAt(0) != '#') {
          bad.add(new BadSeparator(lineStart, rest));
        }
        if (lineStart > documentStart) {
          documents.add(new Document(documentStart, lineStart));
        }
        documentStart = next;
      }
      lineStart = next;
    }
    if (text.length() > documentStart) {
      documents.add(new Document(documentStart, text.length()));
    }
    return new Split(List.copyOf(documents), List.copyOf(bad));
  }

  /** Go's strings.TrimSpace. */
  private static String trimSpace(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isGoSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isGoSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /** Go's unicode.IsSpace. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || Character.isSpaceChar(c);
  }
}
