package dev.rootlock.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shell words, both ways, without expanding anything: {@link #split} reads a command written as one
 * argument ({@code --cmd "nginx -g 'daemon off;'"}) as a POSIX shell would, {@link #splitLeniently}
 * reads a Dockerfile's shell-form arguments (never failing on a stray quote), and {@link #quote}
 * and {@link #join} write words so that a shell reads back exactly those words.
 */
public final class ShellWords {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /**
   * Blanks separate words, single quotes keep text as is, double quotes keep text but honour {@code
   * \"}, {@code \\}, {@code \$} and {@code \`}, a backslash outside quotes escapes the next
   * character.
   *
   * @throws IllegalArgumentException for an unterminated quote or a trailing backslash
   */
  public static List<String> split(String text) {
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

  /**
   * Splits Dockerfile arguments as Docker's builder does: at any whitespace, honouring double and
   * single quotes and backslashes (inside double quotes a backslash escapes any character), and
   * keeping an unterminated quote's text rather than failing, since a build goes on with it.
   */
  public static List<String> splitLeniently(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** One word, single-quoted unless it is made only of characters no shell treats specially. */
  public static String quote(String word) {
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words, each {@link #quote quoted}, separated by spaces: a line a shell reads back. */
  public static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }
}
