package dev.rootlock.source;

import java.nio.file.Path;

/**
 * A file to read, named as the user named it (or as found under a directory they named).
 *
 * @param path null for standard input, whose display name is {@code -}
 */
public record InputFile(String displayName, Path path) {

  /** The argument that means standard input. */
  public static final String STDIN = "-";

  public static InputFile stdin() {
    return new InputFile(STDIN, null);
  }

  public boolean isStdin() {
    return path == null;
  }
}
