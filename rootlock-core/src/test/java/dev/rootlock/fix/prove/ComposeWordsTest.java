package dev.rootlock.fix.prove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A string {@code command} split as docker-compose 1.29 splits it ({@code shlex.split}); each
 * expected list below is what {@code python3 -c 'import shlex; print(shlex.split(...))'} prints.
 */
class ComposeWordsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "sleep 3600|[sleep, 3600]",
        "  nginx   -g 'daemon off;'  |[nginx, -g, daemon off;]",
        "sh -c \"echo \\\"hi\\\" \\$HOME\"|[sh, -c, echo \"hi\" \\$HOME]",
        "a\\ b c|[a b, c]",
        "x''y \"\"|[xy, ]",
        "'a\\b'|[a\\b]",
      })
  void splitsAsShlexDoes(String command, String words) {
    assertThat(ComposeWords.split(command).toString()).isEqualTo(words);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "echo 'open|no closing quotation",
        "echo \"open|no closing quotation",
        "echo \\|no escaped character"
      })
  void refusesWhatShlexRefuses(String command, String message) {
    assertThatThrownBy(() -> ComposeWords.split(command))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void anEmptyCommandHasNoWords() {
    assertThat(ComposeWords.split("   ")).isEqualTo(List.of());
  }
}
