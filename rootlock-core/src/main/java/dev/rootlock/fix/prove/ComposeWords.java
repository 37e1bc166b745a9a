package dev.rootlock.fix.prove;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string {@code command} or {@code entrypoint} into words as docker-compose 1.29 does
 * (Python's {@code shlex.split}, POSIX mode, no comments): blanks separate words, single quotes
 * keep everything, double quotes let a backslash escape only {@code "} and {@code \}, and outside
 * quotes a backslash escapes any character.
 */
final class ComposeWords {

  private ComposeWords() {}

  /**
   * @throws IllegalArgumentException for an unclosed quote or a trailing backslash, as shlex
   *     refuses them
   */
  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("no closing quotation");
        }
        word.append(text, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("no closing quotation");
          }
          char d = text.charAt(i);
          if (d == '"') {
            i++;
            break;
          }
          if (d == '\\'
              && i + 1 < text.length()
              && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
            word.append(text.charAt(i + 1));
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new IllegalArgumentException("no escaped character");
        }
        word.append(text.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
