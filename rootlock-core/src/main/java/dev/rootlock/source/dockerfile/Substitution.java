package dev.rootlock.source.dockerfile;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Dockerfile variable substitution for the values rootlock reads ({@code USER}, {@code VOLUME},
 * {@code FROM}): {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}} and {@code ${NAME:+word}},
 * with {@code \$} for a literal dollar. A variable declared without a value the file gives (an
 * {@code ARG} without default: a null value in the map) is left exactly as written, since only the
 * build knows it; one never declared is empty, as in Docker.
 */
final class Substitution {

  private Substitution() {}

  static String apply(String text, Map<String, String> known) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          out.append(text.substring(i));
          return out.toString();
        }
        out.append(braced(text.substring(i, close + 1), known));
        i = close + 1;
      } else if (c == '$' && i + 1 < text.length() && isNameStart(text.charAt(i + 1))) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        String name = text.substring(i + 1, end);
        out.append(
            !known.containsKey(name)
                ? ""
                : known.get(name) == null ? text.substring(i, end) : known.get(name));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * One word as the builder's shell lexer reads it: single quotes keep their text literally, double
   * quotes and unquoted text are substituted, the quotes themselves are removed, and a backslash
   * outside single quotes takes the next character literally.
   */
  static String word(String text, Map<String, String> known) {
    StringBuilder out = new StringBuilder();
    StringBuilder pending = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          out.append(c);
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        // Kept escaped so that apply() writes it literally rather than substituting it.
        pending.append(next == '$' ? "\\$" : String.valueOf(next));
      } else if (c == '\'' && quote == 0) {
        out.append(apply(pending.toString(), known));
        pending.setLength(0);
        quote = '\'';
      } else if (c == '"') {
        quote = quote == '"' ? 0 : '"';
      } else {
        pending.append(c);
      }
    }
    return out.append(apply(pending.toString(), known)).toString();
  }

  /**
   * Whether {@code text} refers to the variable {@code name} ({@code $name} or {@code ${name}}).
   */
  static boolean mentions(String text, String name) {
    String quoted = Pattern.quote(name);
    return Pattern.compile("\\$(\\{" + quoted + "[}:]|" + quoted + "(?![A-Za-z0-9_]))")
        .matcher(text)
        .find();
  }

  /** {@code ${...}} including the braces. */
  private static String braced(String whole, Map<String, String> known) {
    String inner = whole.substring(2, whole.length() - 1);
    int colon = inner.indexOf(':');
    String name = colon < 0 ? inner : inner.substring(0, colon);
    if (known.containsKey(name) && known.get(name) == null) {
      return whole;
    }
    String value = known.getOrDefault(name, "");
    if (colon < 0 || colon + 1 >= inner.length()) {
      return value;
    }
    String word = inner.substring(colon + 2);
    return switch (inner.charAt(colon + 1)) {
      case '-' -> value.isEmpty() ? word : value;
      case '+' -> value.isEmpty() ? "" : word;
      default -> whole;
    };
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
