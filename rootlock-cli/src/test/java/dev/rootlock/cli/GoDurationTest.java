package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class GoDurationTest {

  private final GoDuration converter = new GoDuration();

  @Test
  void readsGoStyleDurations() {
    assertThat(converter.convert("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(converter.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void refusesANumberWithoutAUnitAndAnythingElse() {
    for (String bad : new String[] {"20", "", "s", "20 s", "-5s", "1d"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessage("invalid duration \"" + bad + "\": write it like 20s, 1m30s or 500ms");
    }
  }
}
