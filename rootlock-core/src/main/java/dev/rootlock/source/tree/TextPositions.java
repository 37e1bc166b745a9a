package dev.rootlock.source.tree;

import dev.rootlock.model.Position;
import java.util.Arrays;

/**
 * Turns UTF-16 offsets into {@link Position}s. Lines end at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, as in YAML; columns count UTF-16 code units.
 */
public final class TextPositions {

  private final int[] lineStarts;
  private final int length;

  public TextPositions(CharSequence text) {
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == n || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = n;
  }

  /** The position of a UTF-16 offset, from 0 to the text's length inclusive. */
  public Position at(int offset) {
    if (offset < 0 || offset > length) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + length);
    }
    int line = Arrays.binarySearch(lineStarts, offset);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line + 1, offset - lineStarts[line] + 1, offset);
  }

  /** The offset where a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }
}
