package dev.rootlock.model;

/**
 * A place in an input text. {@code line} and {@code column} are 1-based; the column counts UTF-16
 * code units (SARIF's default), and {@code offset} is the 0-based UTF-16 index into the whole text,
 * which is what the fixer splices at.
 */
public record Position(int line, int column, int offset) {

  /** Where nothing better is known: the start of the text. */
  public static final Position START = new Position(1, 1, 0);

  public Position {
    if (line < 1 || column < 1 || offset < 0) {
      throw new IllegalArgumentException("bad position " + line + ":" + column + "@" + offset);
    }
  }

  // equals and hashCode written out: a record's own are bootstrapped by invokedynamic on first
  // use, about 10 ms of a cold `rootlock fix`, which compares positions to find each object.
  @Override
  public boolean equals(Object other) {
    return other instanceof Position that
        && line == that.line
        && column == that.column
        && offset == that.offset;
  }

  @Override
  public int hashCode() {
    return (line * 31 + column) * 31 + offset;
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
