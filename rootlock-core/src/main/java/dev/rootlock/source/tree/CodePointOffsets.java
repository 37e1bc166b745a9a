package dev.rootlock.source.tree;

import java.util.Arrays;

/**
 * Converts code point indexes inside a slice of a text, which is what snakeyaml-engine's marks
 * count, into UTF-16 offsets into the whole text, which is what {@link dev.rootlock.model.Position}
 * and the fixer use. Only characters outside the Basic Multilingual Plane (emoji, say) make the two
 * differ, so only those are recorded.
 */
final class CodePointOffsets {

  private final int from;

  /** Code point indexes (relative to the slice) of the characters that take two UTF-16 units. */
  private final int[] surrogatePairs;

  CodePointOffsets(String text, int from, int to) {
    this.from = from;
    int[] pairs = new int[0];
    int count = 0;
    int codePoint = 0;
    for (int i = from; i < to; i++, codePoint++) {
      if (Character.isHighSurrogate(text.charAt(i))
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (count == pairs.length) {
          pairs = Arrays.copyOf(pairs, Math.max(8, count * 2));
        }
        pairs[count++] = codePoint;
        i++;
      }
    }
    this.surrogatePairs = Arrays.copyOf(pairs, count);
  }

  /** The UTF-16 offset into the whole text of the slice's {@code codePointIndex}-th code point. */
  int offset(int codePointIndex) {
    int before = Arrays.binarySearch(surrogatePairs, codePointIndex);
    if (before < 0) {
      before = -before - 1;
    }
    return from + codePointIndex + before;
  }
}
