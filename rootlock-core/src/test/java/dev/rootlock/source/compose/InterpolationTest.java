package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link Interpolation}: every form of the Compose specification's interpolation. */
class InterpolationTest {

  private static final ComposeEnvironment ENV =
      ComposeEnvironment.of(Map.of("SET", "value", "EMPTY", "", "UID", "1000"));

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("no variable", "plain", "plain"),
        Arguments.of("braced", "${SET}", "value"),
        Arguments.of("unbraced", "$SET/x", "value/x"),
        Arguments.of("unset is empty", "a${UNSET}b", "ab"),
        Arguments.of(":- unset", "${UNSET:-d}", "d"),
        Arguments.of(":- empty", "${EMPTY:-d}", "d"),
        Arguments.of(":- set", "${SET:-d}", "value"),
        Arguments.of("- unset", "${UNSET-d}", "d"),
        Arguments.of("- empty keeps empty", "${EMPTY-d}", ""),
        Arguments.of(":+ set", "${SET:+alt}", "alt"),
        Arguments.of(":+ empty", "${EMPTY:+alt}", ""),
        Arguments.of(":+ unset", "${UNSET:+alt}", ""),
        Arguments.of("+ empty", "${EMPTY+alt}", "alt"),
        Arguments.of(":? set", "${SET:?needed}", "value"),
        Arguments.of("$$ escapes", "$$SET and $${SET}", "$SET and ${SET}"),
        Arguments.of("nested default", "${UNSET:-${UID:-0}}", "1000"),
        Arguments.of("nested unset default", "${UNSET:-x${ALSO_UNSET:-/etc}}", "x/etc"),
        Arguments.of("volume", "cfg:${T:-/etc}", "cfg:/etc"),
        Arguments.of("a dollar inside a default is literal", "${H:-$2a$14$1l}", "$2a$14$1l"),
        Arguments.of("user", "${APP_UID:-0}:${GID:-0}", "0:0"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("forms")
  void interpolatesAsComposeDoes(String name, String text, String expected) {
    assertThat(Interpolation.apply(text, ENV).value()).isEqualTo(expected);
  }

  @Test
  void saysWhereEachValueCameFrom() {
    Interpolation.Result result = Interpolation.apply("${UNSET:-true}/${SET}", ENV);
    assertThat(result.explanation())
        .isEqualTo(
            "UNSET is not set, so its default \"true\" applies; SET=value from the environment");
  }

  @Test
  void aRequiredVariableThatIsUnsetIsUnknownAndKeptAsWritten() {
    Interpolation.Result result = Interpolation.apply("${UNSET:?must be set}", ENV);
    assertThat(result.known()).isFalse();
    assertThat(result.value()).isEqualTo("${UNSET:?must be set}");
    assertThat(result.explanation())
        .isEqualTo("UNSET must be set when Compose runs (must be set); its value is unknown here");
  }

  @Test
  void refusesWhatComposeRefuses() {
    assertThatThrownBy(() -> Interpolation.apply("cost: $5", ENV))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid interpolation format in \"cost: $5\": you may need to escape any $ with"
                + " another $");
    assertThatThrownBy(() -> Interpolation.apply("${UNCLOSED", ENV))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
