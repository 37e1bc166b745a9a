package dev.rootlock.model.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ByteSize}. */
class ByteSizeTest {

  static Stream<Arguments> mountOptions() {
    return Stream.of(
        Arguments.of("67108864", OptionalLong.of(67108864)),
        Arguments.of("65536k", OptionalLong.of(67108864)),
        Arguments.of("64m", OptionalLong.of(67108864)),
        Arguments.of("64M", OptionalLong.of(67108864)),
        Arguments.of("1g", OptionalLong.of(1073741824)),
        Arguments.of("50%", OptionalLong.empty()),
        Arguments.of("64mb", OptionalLong.empty()),
        Arguments.of("1.5g", OptionalLong.empty()),
        Arguments.of("", OptionalLong.empty()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("mountOptions")
  void readsKernelSizes(String text, OptionalLong expected) {
    assertThat(ByteSize.parseMountOption(text)).isEqualTo(expected);
  }

  static Stream<Arguments> ramSizes() {
    return Stream.of(
        Arguments.of("67108864", OptionalLong.of(67108864)),
        Arguments.of("64m", OptionalLong.of(67108864)),
        Arguments.of("64mb", OptionalLong.of(67108864)),
        Arguments.of("64MiB", OptionalLong.of(67108864)),
        Arguments.of("64 MB", OptionalLong.of(67108864)),
        Arguments.of("1.5k", OptionalLong.of(1536)),
        Arguments.of("10b", OptionalLong.of(10)),
        Arguments.of("64x", OptionalLong.empty()),
        Arguments.of("1.2.3", OptionalLong.empty()),
        Arguments.of("-1", OptionalLong.empty()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("ramSizes")
  void readsGoUnitsRamSizes(String text, OptionalLong expected) {
    assertThat(ByteSize.parseRam(text)).isEqualTo(expected);
  }

  static Stream<Arguments> zeros() {
    return Stream.of(
        Arguments.of("0", true),
        Arguments.of("0k", true),
        Arguments.of("0%", true),
        Arguments.of("0.0 GiB", true),
        Arguments.of("00", true),
        Arguments.of("1", false),
        Arguments.of("0.5m", false),
        Arguments.of("x", false));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("zeros")
  void knowsZero(String text, boolean expected) {
    assertThat(ByteSize.isZero(text)).isEqualTo(expected);
  }
}
