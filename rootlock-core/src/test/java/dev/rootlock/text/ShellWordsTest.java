package dev.rootlock.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void blanksSeparateWords() {
    assertThat(ShellWords.split("  python -m  app\t--port 8000 "))
        .containsExactly("python", "-m", "app", "--port", "8000");
  }

  @Test
  void singleQuotesKeepEverything() {
    assertThat(ShellWords.split("nginx -g 'daemon off;'"))
        .containsExactly("nginx", "-g", "daemon off;");
    assertThat(ShellWords.split("echo 'a\\b \"c\"'")).containsExactly("echo", "a\\b \"c\"");
  }

  @Test
  void doubleQuotesHonourOnlyTheirOwnEscapes() {
    assertThat(ShellWords.split("sh -c \"echo \\\"$HOME\\\" \\n\""))
        .containsExactly("sh", "-c", "echo \"$HOME\" \\n");
  }

  @Test
  void quotedPartsJoinTheirWordAndEmptyQuotesMakeAnEmptyWord() {
    assertThat(ShellWords.split("--name='my app'x \"\"")).containsExactly("--name=my appx", "");
  }

  @Test
  void aBackslashEscapesTheNextCharacter() {
    assertThat(ShellWords.split("a\\ b c")).containsExactly("a b", "c");
  }

  @Test
  void unterminatedQuotesAndATrailingBackslashAreRefused() {
    assertThatThrownBy(() -> ShellWords.split("echo 'oops"))
        .hasMessage("unterminated ' in: echo 'oops");
    assertThatThrownBy(() -> ShellWords.split("echo \"oops"))
        .hasMessage("unterminated \" in: echo \"oops");
    assertThatThrownBy(() -> ShellWords.split("echo \\")).hasMessage("trailing \\ in: echo \\");
  }

  @Test
  void dockerfileArgumentsKeepAnUnterminatedQuoteAndSplitAtAnyWhitespace() {
    assertThat(ShellWords.splitLeniently("run \"a\\zb\" 'c d\u000Be"))
        .containsExactly("run", "azb", "c d\u000Be");
    assertThat(ShellWords.splitLeniently("a\u000Bb \\")).containsExactly("a", "b", "\\");
  }

  @Test
  void quotedWordsReadBackAsTheSameWords() {
    assertThat(ShellWords.quote("/usr/bin/nginx")).isEqualTo("/usr/bin/nginx");
    assertThat(ShellWords.quote("")).isEqualTo("''");
    assertThat(ShellWords.join(List.of("sh", "-c", "echo 'hi' $HOME")))
        .isEqualTo("sh -c 'echo '\\''hi'\\'' $HOME'");
    assertThat(ShellWords.split(ShellWords.join(List.of("sh", "-c", "echo 'hi' $HOME"))))
        .containsExactly("sh", "-c", "echo 'hi' $HOME");
  }
}
