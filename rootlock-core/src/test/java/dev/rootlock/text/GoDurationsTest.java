package dev.rootlock.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GoDurations} against what Go's {@code time.ParseDuration} makes of the same text. */
class GoDurationsTest {

  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource({
    "0, 0",
    "0s, 0",
    "1h, 3600000000000",
    "1m30s, 90000000000",
    "500ms, 500000000",
    "20s, 20000000000",
    "1.5s, 1500000000",
    "2h45m, 9900000000000",
    "1h0m0s, 3600000000000",
    "1.5h, 5400000000000",
    ".5s, 500000000",
    "5.s, 5000000000",
    "300us, 300000",
    "300\u00b5s, 300000",
    "300\u03bcs, 300000",
    "42ns, 42",
    "1.0000000009s, 1000000000",
    "10s500ms, 10500000000",
    "2562047h47m16.854775807s, 9223372036854775807",
    "2562047h47m16s854775807ns, 9223372036854775807",
    "9223372036854775807ns, 9223372036854775807",
    "00000000000000000000001s, 1000000000",
    "1h0.5s, 3600500000000",
    "0.5s1h, 3600500000000",
  })
  void readsWhatGoReads(String text, long nanos) {
    assertThat(GoDurations.parse(text)).contains(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @ValueSource(
      strings = {
        "",
        "5",
        "1x",
        "-1s",
        "+1s",
        "-0",
        "s",
        ".s",
        "1..5s",
        "1.2.3s",
        "20 s",
        " 20s",
        "20s ",
        "1d",
        "1S",
        "1sec",
        "ms",
        "1m30",
        "2562047h47m16.854775808s",
        "2562047h47m16s854775808ns",
        "9223372036854775808ns",
        "9223372036854775807ns0.5ns",
        "99999999999999999999s",
        "2562048h",
        "9999999999h"
      })
  void refusesWhatGoRefusesAndSigns(String text) {
    assertThat(GoDurations.parse(text)).isEmpty();
  }
}
