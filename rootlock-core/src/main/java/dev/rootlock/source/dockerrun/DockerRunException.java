package dev.rootlock.source.dockerrun;

/**
 * A {@code docker run} line the Docker CLI would refuse: a flag missing its value, a malformed
 * {@code --mount} or {@code -v}, a switch given a non-boolean, or no IMAGE. The message names the
 * flag as written.
 */
public final class DockerRunException extends Exception {

  private final int argIndex;

  public DockerRunException(String message, int argIndex) {
    super(message);
    this.argIndex = argIndex;
  }

  /** The index of the offending argument (the argument count when one is missing at the end). */
  public int argIndex() {
    return argIndex;
  }
}
