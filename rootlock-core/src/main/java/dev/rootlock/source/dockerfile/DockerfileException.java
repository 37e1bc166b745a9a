package dev.rootlock.source.dockerfile;

import dev.rootlock.model.Position;

/** A Dockerfile that cannot be built as written, e.g. one with no {@code FROM}. */
public final class DockerfileException extends Exception {

  private final transient Position position;

  public DockerfileException(String message, Position position) {
    super(message);
    this.position = position;
  }

  /** Where the problem is, or null when it is the file as a whole. */
  public Position position() {
    return position;
  }
}
