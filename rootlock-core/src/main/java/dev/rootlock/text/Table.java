package dev.rootlock.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Every text table rootlock prints: left-aligned columns, each as wide as its widest cell plus
 * three spaces, the last unpadded and no line with trailing blanks, as {@code kubectl get} and
 * {@code docker ps} align theirs. Control characters in a cell (a bind path or a label may hold any
 * byte) are written as {@code \\uXXXX}, so that no cell can move the cursor or break a row.
 */
public final class Table {

  /** What an empty cell shows, as kubectl and docker show it. */
  public static final String NONE = "<none>";

  private static final String GAP = "   ";

  private final List<List<String>> rows = new ArrayList<>();
  private final int columns;

  public Table(String... header) {
    this(List.of(header));
  }

  public Table(List<String> header) {
    this.columns = header.size();
    rows.add(List.copyOf(header));
  }

  /** Adds a row; it must have one cell per column. */
  public Table add(String... cells) {
    return add(List.of(cells));
  }

  /** Adds a row; it must have one cell per column. */
  public Table add(List<String> cells) {
    if (cells.size() != columns) {
      throw new IllegalArgumentException(
          "a row of " + cells.size() + " cells in a table of " + columns + " columns");
    }
    rows.add(cells.stream().map(Table::safe).toList());
    return this;
  }

  /** The rows added so far, the header not counted. */
  public int size() {
    return rows.size() - 1;
  }

  /** The table, one line per row, each ending in a newline. */
  public String render() {
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }

  public void appendTo(StringBuilder out) {
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** {@code <none>} for null or empty, else the value. */
  public static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  /**
   * A list cut to fit a narrow column: {@code none}, the one item, or the first and how many more
   * ({@code readOnlyRootFilesystem +2}); the wide table and the reports give them all.
   */
  public static String firstAndCount(List<String> items, String none) {
    if (items.isEmpty()) {
      return none;
    }
    return items.size() == 1 ? items.get(0) : items.get(0) + " +" + (items.size() - 1);
  }

  /** Control characters written as {@code \\uXXXX}. */
  public static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
