package dev.rootlock.model;

import java.util.Objects;

/**
 * Input that could not be read or decoded: {@code file:line:col: message}.
 *
 * <p>The message is kept to one line of at most {@link #MAX_MESSAGE} characters: line breaks and
 * other control characters are escaped and anything longer is cut with an ellipsis, so that a
 * hostile value cannot turn one error into megabytes of report or forge extra report lines.
 *
 * @param position null when the problem is with the file as a whole (missing, unreadable, binary)
 */
public record InputError(String file, Position position, String message) {

  /** The longest message kept, in UTF-16 units, ellipsis included. */
  public static final int MAX_MESSAGE = 400;

  public InputError {
    Objects.requireNonNull(file, "file");
    message = oneLine(Objects.requireNonNull(message, "message"));
  }

  /** {@code text} on one line and at most {@link #MAX_MESSAGE} characters long. */
  public static String oneLine(String text) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX_MESSAGE) + 8);
    int i = 0;
    for (; i < text.length() && line.length() <= MAX_MESSAGE; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    if (i < text.length() || line.length() > MAX_MESSAGE) {
      // Cut to leave room for the ellipsis, never between the halves of a surrogate pair.
      int cut = MAX_MESSAGE - 1;
      if (Character.isLowSurrogate(line.charAt(cut))) {
        cut--;
      }
      line.setLength(cut);
      line.append('…');
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return position == null ? file + ": " + message : file + ":" + position + ": " + message;
  }
}
