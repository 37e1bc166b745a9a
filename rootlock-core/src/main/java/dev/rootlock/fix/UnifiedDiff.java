package dev.rootlock.fix;

import dev.rootlock.fix.yaml.TextEdit;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) of a text and its edited form, built
 * from the edits themselves: every line no edit touches is unchanged by construction, so only the
 * touched regions are compared, in time linear in the text.
 */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** One changed stretch: old lines {@code [oldFrom, oldTo)} became {@code added}. */
  private record Hunk(int oldFrom, int oldTo, List<String> added) {}

  /** The diff, headed {@code --- name} and {@code +++ name}; empty when nothing changes. */
  public static String of(String name, String text, List<TextEdit> edits) {
    Lines old = new Lines(text);
    List<Hunk> hunks = new ArrayList<>();
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(java.util.Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
    int i = 0;
    while (i < sorted.size()) {
      int firstLine = old.lineOf(sorted.get(i).start());
      int lastLine = old.lineOf(sorted.get(i).end());
      int j = i + 1;
      while (j < sorted.size() && old.lineOf(sorted.get(j).start()) <= lastLine) {
        lastLine = Math.max(lastLine, old.lineOf(sorted.get(j).end()));
        j++;
      }
      int from = old.start(firstLine);
      int to = old.end(lastLine);
      String region = TextEdit.apply(text.substring(from, to), shift(sorted.subList(i, j), from));
      hunks.add(trim(old, firstLine, lastLine + 1, Lines.split(region)));
      i = j;
    }
    hunks.removeIf(h -> h.oldFrom() == h.oldTo() && h.added().isEmpty());
    if (hunks.isEmpty()) {
      return "";
    }
    return render(name, old, hunks);
  }

  private static List<TextEdit> shift(List<TextEdit> edits, int by) {
    List<TextEdit> shifted = new ArrayList<>();
    for (TextEdit edit : edits) {
      shifted.add(new TextEdit(edit.start() - by, edit.end() - by, edit.replacement()));
    }
    return shifted;
  }

  /** Drops the lines a region starts and ends with unchanged. */
  private static Hunk trim(Lines old, int from, int to, List<String> added) {
    int start = 0;
    while (from < to
        && start < added.size()
        && old.line(from).equals(added.get(start))
        // A last line without a line break that gains one has changed.
        && !(from == old.count() - 1 && !old.endsWithNewline() && start < added.size() - 1)) {
      from++;
      start++;
    }
    int end = added.size();
    while (to > from && end > start && old.line(to - 1).equals(added.get(end - 1))) {
      to--;
      end--;
    }
    return new Hunk(from, to, added.subList(start, end));
  }

  private static String render(String name, Lines old, List<Hunk> hunks) {
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append('\n').append("+++ ").append(name).append('\n');
    int delta = 0;
    int h = 0;
    while (h < hunks.size()) {
      int g = h;
      // Hunks whose contexts touch are printed as one.
      while (g + 1 < hunks.size()
          && hunks.get(g + 1).oldFrom() - hunks.get(g).oldTo() <= 2 * CONTEXT) {
        g++;
      }
      int oldStart = Math.max(0, hunks.get(h).oldFrom() - CONTEXT);
      int oldEnd = Math.min(old.count(), hunks.get(g).oldTo() + CONTEXT);
      List<String> body = new ArrayList<>();
      int newCount = 0;
      int at = oldStart;
      int groupDelta = 0;
      for (int k = h; k <= g; k++) {
        Hunk hunk = hunks.get(k);
        for (; at < hunk.oldFrom(); at++, newCount++) {
          body.add(" " + old.line(at) + old.noNewline(at));
        }
        for (; at < hunk.oldTo(); at++) {
          body.add("-" + old.line(at) + old.noNewline(at));
        }
        for (int a = 0; a < hunk.added().size(); a++) {
          boolean lastOfText = hunk.oldTo() == old.count() && a == hunk.added().size() - 1;
          String marker =
              lastOfText && !old.endsWithNewline() ? "\n\\ No newline at end of file" : "";
          body.add("+" + hunk.added().get(a) + marker);
        }
        newCount += hunk.added().size();
        groupDelta += hunk.added().size() - (hunk.oldTo() - hunk.oldFrom());
      }
      for (; at < oldEnd; at++, newCount++) {
        body.add(" " + old.line(at) + old.noNewline(at));
      }
      int oldCount = oldEnd - oldStart;
      out.append("@@ -")
          .append(range(oldStart, oldCount))
          .append(" +")
          .append(range(oldStart + delta, newCount))
          .append(" @@\n");
      for (String line : body) {
        out.append(line).append('\n');
      }
      delta += groupDelta;
      h = g + 1;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    int first = count == 0 ? start : start + 1;
    return count == 1 ? String.valueOf(first) : first + "," + count;
  }

  /** A text's lines: contents without {@code \n} (a {@code \r} before it stays). */
  private static final class Lines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n' && i + 1 < text.length()) {
          starts.add(i + 1);
        }
      }
    }

    static List<String> split(String text) {
      List<String> lines = new ArrayList<>();
      int from = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lines.add(text.substring(from, i));
          from = i + 1;
        }
      }
      if (from < text.length()) {
        lines.add(text.substring(from));
      }
      return lines;
    }

    int count() {
      return text.isEmpty() ? 0 : starts.size();
    }

    int lineOf(int offset) {
      int index = java.util.Collections.binarySearch(starts, offset);
      return Math.min(index >= 0 ? index : -index - 2, Math.max(count() - 1, 0));
    }

    int start(int line) {
      return line < count() ? starts.get(line) : text.length();
    }

    /** Just past the line's {@code \n} (or the text's end). */
    int end(int line) {
      return line + 1 < count() ? starts.get(line + 1) : text.length();
    }

    String line(int line) {
      String content = text.substring(start(line), end(line));
      return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    boolean endsWithNewline() {
      return text.endsWith("\n");
    }

    /** The marker for the text's last line when it has no line break. */
    String noNewline(int line) {
      return line == count() - 1 && !endsWithNewline() ? "\n\\ No newline at end of file" : "";
    }
  }
}
