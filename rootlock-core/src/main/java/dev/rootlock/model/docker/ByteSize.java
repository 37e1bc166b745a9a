package dev.rootlock.model.docker;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two ways Docker reads a size: the kernel's tmpfs {@code size=} option and go-units' RAM
 * sizes.
 */
public final class ByteSize {

  /** memparse: a decimal count with an optional binary suffix, or a percentage of RAM. */
  private static final Pattern KERNEL = Pattern.compile("(\\d+)([kKmMgGtTpPeE%]?)");

  /** go-units RAMInBytes: {@code 64m}, {@code 1.5 GiB}, {@code 512kb}; binary multiples. */
  private static final Pattern RAM =
      Pattern.compile("(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?");

  private static final String UNITS = "kmgtpe";

  private ByteSize() {}

  /** Whether the kernel takes {@code text} as a tmpfs {@code size=}: a size or a percentage. */
  public static boolean isMountOptionSize(String text) {
    String size = text.trim();
    // memparse reads the number with base 0, so hexadecimal is a size too.
    return KERNEL.matcher(size).matches() || size.matches("0[xX][0-9a-fA-F]+[kKmMgGtTpPeE%]?");
  }

  /**
   * Bytes for a kernel tmpfs {@code size=} value ({@code 65536k}, {@code 64m}); empty for a
   * percentage of RAM ({@code 50%}), which is a bound but not a fixed number, or for text the
   * kernel would refuse.
   */
  public static OptionalLong parseMountOption(String text) {
    Matcher matcher = KERNEL.matcher(text.trim());
    if (!matcher.matches() || matcher.group(2).equals("%")) {
      return OptionalLong.empty();
    }
    return scaled(new BigDecimal(matcher.group(1)), matcher.group(2));
  }

  /**
   * Bytes for a size as the Docker CLI and Compose read {@code tmpfs-size} / {@code tmpfs.size}
   * (go-units {@code RAMInBytes}); empty when the text is not a size.
   */
  public static OptionalLong parseRam(String text) {
    Matcher matcher = RAM.matcher(text.trim());
    if (!matcher.matches() || matcher.group(1).chars().filter(c -> c == '.').count() > 1) {
      return OptionalLong.empty();
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2);
    return scaled(new BigDecimal(matcher.group(1)), unit);
  }

  /**
   * Whether a size written as {@code text} is zero, which for a tmpfs means no limit at all. Only
   * the leading number counts: {@code 0}, {@code 0k}, {@code 0%} and {@code 0.0 GiB} are all zero.
   */
  public static boolean isZero(String text) {
    Matcher matcher = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)").matcher(text);
    return matcher.lookingAt() && new BigDecimal(matcher.group(1)).signum() == 0;
  }

  private static OptionalLong scaled(BigDecimal count, String unit) {
    int power =
        unit.isEmpty() || unit.equals("%") ? 0 : UNITS.indexOf(unit.toLowerCase(Locale.ROOT)) + 1;
    BigDecimal bytes = count.multiply(BigDecimal.valueOf(1024).pow(power));
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(bytes.longValue());
  }
}
