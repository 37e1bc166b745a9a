package dev.rootlock.source.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Position;
import org.junit.jupiter.api.Test;

class TextPositionsTest {

  @Test
  void linesEndAtLineFeedCarriageReturnLineFeedOrLoneCarriageReturn() {
    TextPositions positions = new TextPositions("a\nbc\r\nd\re");

    assertThat(positions.at(0)).isEqualTo(new Position(1, 1, 0));
    assertThat(positions.at(2)).isEqualTo(new Position(2, 1, 2));
    assertThat(positions.at(4)).isEqualTo(new Position(2, 3, 4));
    assertThat(positions.at(6)).isEqualTo(new Position(3, 1, 6));
    assertThat(positions.at(8)).isEqualTo(new Position(4, 1, 8));
    assertThat(positions.lineStart(3)).isEqualTo(6);
  }

  @Test
  void columnsCountUtf16CodeUnits() {
    TextPositions positions = new TextPositions("\uD83D\uDE00x");

    assertThat(positions.at(2)).isEqualTo(new Position(1, 3, 2));
  }

  @Test
  void theEndOfTheTextHasAPositionButNothingAfterIt() {
    TextPositions positions = new TextPositions("ab\n");

    assertThat(positions.at(3)).isEqualTo(new Position(2, 1, 3));
    assertThatThrownBy(() -> positions.at(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
