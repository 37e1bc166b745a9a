package dev.rootlock.model;

import java.util.Locale;

/**
 * Policy levels, loosest first. {@code privileged}, {@code baseline} and {@code restricted} are Pod
 * Security Admission's; {@code hardened} is {@code restricted} plus rootlock's own checks.
 */
public enum Level {
  PRIVILEGED,
  BASELINE,
  RESTRICTED,
  HARDENED;

  /** Parses a level name as written in a flag or label (case-sensitive, like PSA). */
  public static Level parse(String text) {
    for (Level level : values()) {
      if (level.toString().equals(text)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "invalid level \""
            + text
            + "\": must be one of privileged, baseline, restricted, hardened");
  }

  /** Whether this level is at least as strict as {@code other}. */
  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
