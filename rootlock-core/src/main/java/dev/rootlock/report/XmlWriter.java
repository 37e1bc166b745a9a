package dev.rootlock.report;

import java.io.IOException;
import java.io.Writer;

/**
 * An indenting writer for the few elements of the JUnit format. Hand-written because the JDK's
 * {@code XMLStreamWriter} passes characters that XML 1.0 forbids (most C0 controls) straight
 * through, producing a document no parser accepts, and does not protect line breaks in attribute
 * values from attribute-value normalisation.
 */
final class XmlWriter {

  /** One attribute; values are escaped when written. */
  record Attribute(String name, String value) {}

  private final Writer out;
  private int depth;

  XmlWriter(Writer out) {
    this.out = out;
  }

  void declaration() throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  static Attribute attr(String name, String value) {
    return new Attribute(name, value);
  }

  static Attribute attr(String name, long value) {
    return new Attribute(name, String.valueOf(value));
  }

  /** Opens an element on its own line. */
  void start(String name, Attribute... attributes) throws IOException {
    out.write(indent() + "<" + name + attributes(attributes) + ">\n");
    depth++;
  }

  void end(String name) throws IOException {
    depth--;
    out.write(indent() + "</" + name + ">\n");
  }

  /** An element with no content: {@code <name a="v"/>}. */
  void empty(String name, Attribute... attributes) throws IOException {
    out.write(indent() + "<" + name + attributes(attributes) + "/>\n");
  }

  /** An element whose content is {@code text}, kept verbatim (not indented). */
  void element(String name, String text, Attribute... attributes) throws IOException {
    out.write(
        indent()
            + "<"
            + name
            + attributes(attributes)
            + ">"
            + escape(text, false)
            + "</"
            + name
            + ">\n");
  }

  private String indent() {
    return "  ".repeat(depth);
  }

  private static String attributes(Attribute... attributes) {
    StringBuilder out = new StringBuilder();
    for (Attribute attribute : attributes) {
      out.append(' ')
          .append(attribute.name())
          .append("=\"")
          .append(escape(attribute.value(), true))
          .append('"');
    }
    return out.toString();
  }

  /**
   * Escapes markup characters; in attributes also quotes, tabs and line breaks (as character
   * references, which survive normalisation). Characters XML 1.0 cannot carry at all, and C1
   * controls, are written visibly as {@code \}{@code uXXXX}.
   */
  static String escape(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\r' -> out.append("&#13;");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isISOControl(c)
              || Character.isSurrogate(c)
              || c == '\uFFFE'
              || c == '\uFFFF') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
