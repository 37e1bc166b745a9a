package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.source.tree.ScalarResolver.Resolved;
import dev.rootlock.source.tree.ScalarType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoYamlScalarsTest {

  private final GoYamlScalars scalars = new GoYamlScalars();

  private Resolved plain(String value) {
    return scalars.resolve(value, null, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
  void goYamlV2TrueSpellings(String value) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.BOOLEAN, "true"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
  void goYamlV2FalseSpellings(String value) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.BOOLEAN, "false"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~", "null", "Null", "NULL"})
  void nullSpellings(String value) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.NULL, "null"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tRUE",
        "yES",
        "oN",
        "nO",
        "nULL",
        "yes please",
        "t",
        "f",
        "nan",
        "NaN",
        "<<",
        "0x",
        "0xG",
        "1.2.3",
        "12:30",
        "2001-12-14",
        "-",
        "+",
        "1\u0663",
        "1e400",
        "._5",
        "1 2"
      })
  void everythingElseIsAString(String value) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.STRING, value));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "42, 42",
    "-17, -17",
    "+5, 5",
    "0x1F, 31",
    "0X1f, 31",
    "-0x10, -16",
    "0o17, 15",
    "0O17, 15",
    "0755, 493",
    "00, 0",
    "0b101, 5",
    "1_000, 1000",
    "1_, 1",
    "9223372036854775807, 9223372036854775807",
    "-9223372036854775808, -9223372036854775808",
    "9223372036854775808, 9223372036854775808",
    "18446744073709551615, 18446744073709551615"
  })
  void integersAsGoParsesThemWithBasePrefixes(String value, String expected) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.INTEGER, expected));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "-1.5e3, -1.5e3",
    ".5, .5",
    "1e3, 1e3",
    "1., 1.",
    "08, 08",
    "1_000.5, 1000.5",
    "18446744073709551616, 18446744073709551616",
    "-9223372036854775809, -9223372036854775809",
    "+18446744073709551615, +18446744073709551615",
    ".inf, +Infinity",
    "-.Inf, -Infinity",
    ".NaN, NaN"
  })
  void floats(String value, String expected) {
    assertThat(plain(value)).isEqualTo(new Resolved(ScalarType.FLOAT, expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "true", "0x1F", "1.5", "~", ""})
  void quotedAndBlockScalarsAreStrings(String value) {
    assertThat(scalars.resolve(value, null, false))
        .isEqualTo(new Resolved(ScalarType.STRING, value));
  }

  static Stream<Arguments> taggedScalars() {
    return Stream.of(
        Arguments.of("yes", "!!str", true, new Resolved(ScalarType.STRING, "yes")),
        Arguments.of("yes", "!!bool", false, new Resolved(ScalarType.BOOLEAN, "true")),
        Arguments.of("0x1F", "!!int", false, new Resolved(ScalarType.INTEGER, "31")),
        Arguments.of("1", "!!float", true, new Resolved(ScalarType.FLOAT, "1")),
        Arguments.of("yes", "!", true, new Resolved(ScalarType.STRING, "yes")),
        Arguments.of("yes", "!custom", true, new Resolved(ScalarType.STRING, "yes")),
        Arguments.of("~", "!!null", true, new Resolved(ScalarType.STRING, "~")),
        Arguments.of(
            "2001-12-14", "!!timestamp", true, new Resolved(ScalarType.STRING, "2001-12-14")),
        Arguments.of("aGVs\nbG8=", "!!binary", false, new Resolved(ScalarType.STRING, "hello")));
  }

  @ParameterizedTest
  @MethodSource("taggedScalars")
  void explicitTagsAsGoYamlTakesThem(String value, String tag, boolean plain, Resolved expected) {
    assertThat(scalars.resolve(value, tag, plain)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "maybe | !!bool | cannot decode !!str `maybe` as a !!bool",
        "1.5 | !!int | cannot decode !!float `1.5` as a !!int",
        "yes | !!int | cannot decode !!bool `yes` as a !!int",
        "%% | !!binary | !!binary value contains invalid base64 data"
      })
  void aTagThatCannotHoldTheValueIsRefused(String value, String tag, String message) {
    assertThatThrownBy(() -> scalars.resolve(value, tag, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
