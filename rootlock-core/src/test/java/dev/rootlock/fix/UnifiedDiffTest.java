package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.yaml.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link UnifiedDiff}: the output {@code diff -u} would give for the same change. */
class UnifiedDiffTest {

  private static final String TEN = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";

  private static int offsetOfLine(String text, int line) {
    int at = 0;
    for (int i = 1; i < line; i++) {
      at = text.indexOf('\n', at) + 1;
    }
    return at;
  }

  @Test
  void anInsertionAtALineEndIsAPureAddition() {
    int at = offsetOfLine(TEN, 5) + 1;
    assertThat(UnifiedDiff.of("f", TEN, List.of(new TextEdit(at, at, "\n5a\n5b"))))
        .isEqualTo("--- f\n+++ f\n@@ -3,6 +3,8 @@\n 3\n 4\n 5\n+5a\n+5b\n 6\n 7\n 8\n");
  }

  @Test
  void aReplacementRemovesAndAddsTheLine() {
    int at = offsetOfLine(TEN, 1);
    assertThat(UnifiedDiff.of("f", TEN, List.of(new TextEdit(at, at + 1, "one"))))
        .isEqualTo("--- f\n+++ f\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n");
  }

  @Test
  void distantChangesAreSeparateHunksAndNearOnesShareOne() {
    String text = TEN + "11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";
    int two = offsetOfLine(text, 2) + 1;
    int four = offsetOfLine(text, 4) + 1;
    int eighteen = offsetOfLine(text, 18) + 2;
    String diff =
        UnifiedDiff.of(
            "f",
            text,
            List.of(
                new TextEdit(two, two, "\nx"),
                new TextEdit(four, four, "\ny"),
                new TextEdit(eighteen, eighteen, "\nz")));
    assertThat(diff)
        .isEqualTo(
            """
            --- f
            +++ f
            @@ -1,7 +1,9 @@
             1
             2
            +x
             3
             4
            +y
             5
             6
             7
            @@ -16,5 +18,6 @@
             16
             17
             18
            +z
             19
             20
            """);
  }

  @Test
  void aLastLineWithoutALineBreakIsMarked() {
    String text = "a\nb";
    assertThat(UnifiedDiff.of("f", text, List.of(new TextEdit(3, 3, "\nc"))))
        .isEqualTo(
            """
            --- f
            +++ f
            @@ -1,2 +1,3 @@
             a
            -b
            \\ No newline at end of file
            +b
            +c
            \\ No newline at end of file
            """);
  }

  @Test
  void crlfLinesKeepTheirCarriageReturns() {
    String text = "a\r\nb\r\n";
    assertThat(UnifiedDiff.of("f", text, List.of(new TextEdit(1, 1, "\r\nx"))))
        .isEqualTo("--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\r\n+x\r\n b\r\n");
  }

  @Test
  void noEditsGiveNoDiff() {
    assertThat(UnifiedDiff.of("f", TEN, List.of())).isEmpty();
  }
}
