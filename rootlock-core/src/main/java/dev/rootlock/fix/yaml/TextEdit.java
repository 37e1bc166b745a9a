package dev.rootlock.fix.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Replaces {@code text[start, end)} with {@code replacement}; an insertion has {@code start ==
 * end}. Offsets are UTF-16 indexes into the original text.
 */
public record TextEdit(int start, int end, String replacement) {

  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }
  }

  // Written out, as Position's are: a record's own are bootstrapped on first use, and every fix
  // puts its edits in a set.
  @Override
  public boolean equals(Object other) {
    return other instanceof TextEdit that
        && start == that.start
        && end == that.end
        && java.util.Objects.equals(replacement, that.replacement);
  }

  @Override
  public int hashCode() {
    return (start * 31 + end) * 31 + java.util.Objects.hashCode(replacement);
  }

  /**
   * Applies {@code edits} to {@code text}. Identical edits count once; insertions at the same
   * offset keep their given order; overlapping replacements are a bug in the caller.
   */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(new LinkedHashSet<>(edits));
    sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    StringBuilder out = new StringBuilder(text.length() + 256);
    int at = 0;
    for (TextEdit edit : sorted) {
      if (edit.start < at) {
        throw new IllegalStateException("overlapping edits at offset " + edit.start);
      }
      if (edit.end > text.length()) {
        throw new IllegalStateException("edit past the end of the text at " + edit.end);
      }
      out.append(text, at, edit.start).append(edit.replacement);
      at = edit.end;
    }
    return out.append(text, at, text.length()).toString();
  }
}
