package dev.rootlock.cli;

import dev.rootlock.text.GoDurations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration flag written as Docker and Go write them: {@code 20s}, {@code 1m30s}, {@code 500ms},
 * {@code 2h}. The syntax is {@link GoDurations}'s, the one the webhook reads the API server's
 * timeouts with; a bare number is refused, as Go refuses it, because its unit would be a guess.
 */
final class GoDuration implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String text) {
    return GoDurations.parse(text)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "invalid duration \"" + text + "\": write it like 20s, 1m30s or 500ms"));
  }
}
