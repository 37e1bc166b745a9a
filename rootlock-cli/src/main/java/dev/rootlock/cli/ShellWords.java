package dev.rootlock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command written as one argument ({@code --cmd "nginx -g 'daemon off;'"}) into words as a
 * POSIX shell would, without expanding anything: blanks separate words, single quotes keep text as
 * is, double quotes keep text but honour {@code \"} and {@code \\}, a backslash outside quotes
 * escapes the next character.
 */
final class ShellWords {

  private ShellWords() {}

  /**
   * @throws IllegalArgumentException for an unterminated quote or a trailing backslash
   */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ' in: " + text);
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(text, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new IllegalArgumentException("trailing \\ in: " + text);
        }
        word.append(text.charAt(++i));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }

  /** Appends a double-quoted part starting at {@code from}; returns the closing quote's index. */
  private static int doubleQuoted(String text, int from, StringBuilder word) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
        word.append(text.charAt(++i));
      } else {
        word.append(c);
      }
    }
    throw new IllegalArgumentException("unterminated \" in: " + text);
  }
}
