package dev.rootlock.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy version: {@code latest} or {@code v1.<minor>}, written exactly as PSA accepts it ({@code
 * v1.01}, {@code 1.25} and {@code v1.25.0} are invalid). Keeps the version as written, so a label
 * {@code v1.99} prints as {@code v1.99} even though it is evaluated as the newest known version.
 */
public record PolicyVersion(int minor) implements Comparable<PolicyVersion> {

  private static final Pattern FORMAT = Pattern.compile("^v1\\.(0|[1-9][0-9]{0,8})$");
  private static final int LATEST_MINOR = Integer.MAX_VALUE;

  public static final PolicyVersion LATEST = new PolicyVersion(LATEST_MINOR);

  public PolicyVersion {
    if (minor < 0) {
      throw new IllegalArgumentException("negative minor version " + minor);
    }
  }

  /** {@code v1.<minor>}. */
  public static PolicyVersion v1(int minor) {
    return new PolicyVersion(minor);
  }

  /** Parses {@code latest} or {@code v1.N}. */
  public static PolicyVersion parse(String text) {
    if ("latest".equals(text)) {
      return LATEST;
    }
    Matcher matcher = FORMAT.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid policy version \"" + text + "\": must be \"latest\" or \"v1.x\"");
    }
    return new PolicyVersion(Integer.parseInt(matcher.group(1)));
  }

  public boolean isLatest() {
    return minor == LATEST_MINOR;
  }

  /** This version, or {@code max} when this one is newer (or {@code latest}). */
  public PolicyVersion clampTo(PolicyVersion max) {
    return compareTo(max) > 0 ? max : this;
  }

  @Override
  public int compareTo(PolicyVersion other) {
    return Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return isLatest() ? "latest" : "v1." + minor;
  }
}
