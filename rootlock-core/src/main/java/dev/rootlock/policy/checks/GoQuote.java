package dev.rootlock.policy.checks;

/**
 * Go's {@code %q} for strings, which PSA uses to print annotation values as {@code key="value"}:
 * the value is double-quoted, {@code "} and {@code \} are escaped, and non-printable characters are
 * written as Go escapes, so rootlock's message matches PSA's byte for byte even for odd values.
 */
final class GoQuote {

  private GoQuote() {}

  /** {@code key="value"} with the value quoted as Go's {@code %q} would. */
  static String keyValue(String key, String value) {
    return key + "=" + quote(value);
  }

  /** The value in double quotes, escaped like Go's {@code strconv.Quote}. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    value.codePoints().forEach(codePoint -> appendEscaped(out, codePoint));
    return out.append('"').toString();
  }

  private static void appendEscaped(StringBuilder out, int codePoint) {
    if (codePoint == '"' || codePoint == '\\') {
      out.append('\\').appendCodePoint(codePoint);
    } else if (isPrint(codePoint)) {
      out.appendCodePoint(codePoint);
    } else {
      switch (codePoint) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0b -> out.append("\\v");
        default -> appendHex(out, codePoint);
      }
    }
  }

  private static void appendHex(StringBuilder out, int codePoint) {
    if (codePoint < ' ' || codePoint == 0x7f) {
      out.append(String.format("\\x%02x", codePoint));
    } else if (Character.isSurrogate((char) codePoint) && codePoint <= 0xffff) {
      // A lone surrogate cannot come from valid UTF-8; Go would print the replacement character.
      out.append("\\ufffd");
    } else if (codePoint <= 0xffff) {
      out.append(String.format("\\u%04x", codePoint));
    } else {
      out.append(String.format("\\U%08x", codePoint));
    }
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols, ASCII space. */
  private static boolean isPrint(int codePoint) {
    if (codePoint == ' ') {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
