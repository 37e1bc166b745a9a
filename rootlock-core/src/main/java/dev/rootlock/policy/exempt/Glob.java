package dev.rootlock.policy.exempt;

import java.util.Objects;

/**
 * A shell-style glob over a whole value: {@code *} matches any run of characters ({@code /} and
 * {@code :} included, so {@code registry.example/vendor/*} matches every image under it), {@code ?}
 * one character. Brackets, braces and backslashes are refused rather than read differently from
 * what a user expects.
 */
public record Glob(String pattern) {

  public Glob {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** The glob, or an {@link IllegalArgumentException} that says why it is not one. */
  public static Glob parse(String pattern) {
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("invalid glob \"\": must not be empty");
    }
    for (char c : new char[] {'[', ']', '{', '}', '\\'}) {
      if (pattern.indexOf(c) >= 0) {
        throw new IllegalArgumentException(
            "invalid glob \"" + pattern + "\": '" + c + "' is not supported (only * and ?)");
      }
    }
    return new Glob(pattern);
  }

  /** Whether the glob matches all of {@code value}; a missing value matches only {@code *}. */
  public boolean matches(String value) {
    if (value == null) {
      return pattern.equals("*");
    }
    return matches(0, value, 0);
  }

  // Iterative wildcard matching with one backtrack point: linear in practice, never exponential.
  private boolean matches(int p, String value, int v) {
    int star = -1;
    int mark = 0;
    while (v < value.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
