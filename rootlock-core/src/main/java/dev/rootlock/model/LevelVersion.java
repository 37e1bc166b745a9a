package dev.rootlock.model;

/**
 * A level at a version, printed as PSA prints it: {@code restricted:latest}, {@code
 * baseline:v1.23}.
 */
public record LevelVersion(Level level, PolicyVersion version) {

  public static LevelVersion of(Level level, PolicyVersion version) {
    return new LevelVersion(level, version);
  }

  /** Parses {@code level:version} or a bare {@code level} (meaning {@code latest}). */
  public static LevelVersion parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new LevelVersion(Level.parse(text), PolicyVersion.LATEST);
    }
    return new LevelVersion(
        Level.parse(text.substring(0, colon)), PolicyVersion.parse(text.substring(colon + 1)));
  }

  /** PSA's equivalence: two privileged levels are equal whatever their versions. */
  public boolean equivalent(LevelVersion other) {
    if (level == Level.PRIVILEGED && other.level == Level.PRIVILEGED) {
      return true;
    }
    return equals(other);
  }

  @Override
  public String toString() {
    return level + ":" + version;
  }
}
