package dev.rootlock.fix.pod;

import java.util.Locale;
import java.util.Set;

/** How a boolean field is written, compared with the value rootlock wants there. */
enum Setting {
  /** Not written. */
  UNSET,
  /** Written as the wanted boolean. */
  WANTED,
  /** Written as a string or number that plainly means the wanted value ({@code "true"}). */
  MISTYPED_WANTED,
  /** Written as anything else: the user chose otherwise. */
  CONTRARY;

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "n");

  /**
   * Classifies a field from the model: {@code value} is the decoded boolean (null when unset or
   * mistyped), {@code raw} the text of a mistyped value (null otherwise).
   */
  static Setting of(Boolean value, String raw, boolean wanted) {
    if (value != null) {
      return value == wanted ? WANTED : CONTRARY;
    }
    if (raw == null) {
      return UNSET;
    }
    String text = unquote(raw).toLowerCase(Locale.ROOT);
    return (wanted ? TRUE_WORDS : FALSE_WORDS).contains(text) ? MISTYPED_WANTED : CONTRARY;
  }

  static String unquote(String raw) {
    String text = raw.strip();
    if (text.length() >= 2
        && ((text.startsWith("\"") && text.endsWith("\""))
            || (text.startsWith("'") && text.endsWith("'")))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }
}
