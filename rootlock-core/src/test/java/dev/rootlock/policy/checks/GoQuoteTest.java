package dev.rootlock.policy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link GoQuote}: expected strings are what Go's {@code fmt.Sprintf("%q")} prints. */
class GoQuoteTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", "\"\""),
        Arguments.of("unconfined", "\"unconfined\""),
        Arguments.of("localhost/my profile", "\"localhost/my profile\""),
        Arguments.of("a\"b\\c", "\"a\\\"b\\\\c\""),
        Arguments.of("\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\""),
        Arguments.of("\u0000\u001b\u007f", "\"\\x00\\x1b\\x7f\""),
        Arguments.of("héllo 世界 😀", "\"héllo 世界 😀\""),
        Arguments.of("nb\u00a0sp\u200bzw\u0085", "\"nb\\u00a0sp\\u200bzw\\u0085\""),
        Arguments.of("\udb40\udc01", "\"\\U000e0001\""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void quotesAsGoDoes(String value, String expected) {
    assertThat(GoQuote.quote(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void keyValueLeavesTheKeyAlone(String value, String expected) {
    assertThat(GoQuote.keyValue("k\"ey", value)).isEqualTo("k\"ey=" + expected);
  }
}
