package dev.rootlock.model;

/**
 * Where an object came from: a file name as the user gave it ({@code -} for standard input, a
 * {@code cluster:} or {@code docker:} pseudo-name for live objects) and the object's own position.
 */
public record SourceRef(String file, Position position) {

  public static SourceRef of(String file) {
    return new SourceRef(file, Position.START);
  }
}
