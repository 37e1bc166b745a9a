package dev.rootlock.model.docker;

/**
 * Go's {@code strconv.ParseBool}, which Docker uses for {@code no-new-privileges=...}, {@code
 * --read-only=...} and {@code --mount ...,readonly=...}.
 */
public final class GoBooleans {

  private GoBooleans() {}

  /** True, false, or null when Go would refuse {@code text}. */
  public static Boolean parse(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> null;
    };
  }
}
