package dev.rootlock.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations written as Go's {@code time.ParseDuration} reads them, which is how the API server
 * writes a webhook's {@code ?timeout=10s} and how Docker and Compose write theirs: one or more
 * decimal numbers, each with a unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s},
 * {@code m}, {@code h}), such as {@code 1m30s}, {@code 1.5h} or {@code 500ms}; or {@code 0} alone.
 *
 * <p>Two departures from Go, both refusals: a sign, because every duration rootlock reads is a
 * length of time, never negative; and a value past Go's limit (about 292 years), as Go refuses it.
 * A bare number other than {@code 0} is refused, as Go refuses it, because its unit would be a
 * guess. The value is exact to the nanosecond, with the digits beyond it dropped.
 */
public final class GoDurations {

  private GoDurations() {}

  /** The duration {@code text} says, or empty when Go would not read it (or it is signed). */
  public static Optional<Duration> parse(String text) {
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    // Summed in a long while every number is whole (every default of rootlock's flags is), and
    // as a BigDecimal from the first fraction on: BigDecimal's class set-up alone cost a cold
    // `rootlock fix` about 15 ms, which converts its --prove-for default at start.
    long whole = 0;
    BigDecimal exact = null;
    int at = 0;
    while (at < text.length()) {
      int numberStart = at;
      while (at < text.length() && isNumberChar(text.charAt(at))) {
        at++;
      }
      String number = text.substring(numberStart, at);
      int unitStart = at;
      while (at < text.length() && !isNumberChar(text.charAt(at))) {
        at++;
      }
      long unit = unitNanos(text.substring(unitStart, at));
      if (unit == 0 || !isDecimal(number)) {
        return Optional.empty();
      }
      if (exact == null && number.indexOf('.') < 0) {
        try {
          whole = Math.addExact(whole, Math.multiplyExact(Long.parseLong(number), unit));
        } catch (NumberFormatException | ArithmeticException pastGosLimit) {
          return Optional.empty(); // digits past a long, or a sum past int64 nanoseconds
        }
      } else {
        exact = (exact == null ? BigDecimal.valueOf(whole) : exact);
        exact = exact.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
        if (exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
          return Optional.empty(); // Go's Duration is an int64 of nanoseconds
        }
      }
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(exact == null ? whole : exact.longValue()));
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.';
  }

  /** Digits with at most one point and at least one digit: Go reads {@code .5} and {@code 5.}. */
  private static boolean isDecimal(String number) {
    int point = number.indexOf('.');
    return number.length() > (point < 0 ? 0 : 1)
        && (point < 0 || number.indexOf('.', point + 1) < 0);
  }

  /** A unit's length in nanoseconds, or 0 when Go has no such unit (or it is missing). */
  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L; // Go takes both micro signs
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }
}
