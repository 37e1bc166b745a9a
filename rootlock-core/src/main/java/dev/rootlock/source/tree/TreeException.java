package dev.rootlock.source.tree;

import dev.rootlock.model.Position;

/** A document that cannot be read, with where the problem is (null for the document as a whole). */
public final class TreeException extends Exception {

  private final transient Position position;

  public TreeException(Position position, String message) {
    super(message);
    this.position = position;
  }

  public Position position() {
    return position;
  }
}
