package dev.rootlock.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration written as Docker and Go write them: {@code 20s}, {@code 1m30s}, {@code 500ms}, {@code
 * 2h}. A bare number is refused, as Go refuses it, because its unit would be a guess.
 */
final class GoDuration implements ITypeConverter<Duration> {

  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  @Override
  public Duration convert(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new TypeConversionException(
          "invalid duration \"" + text + "\": write it like 20s, 1m30s or 500ms");
    }
    double millis = 0;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      double value = Double.parseDouble(part.group(1));
      millis +=
          switch (part.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1_000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
          };
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
