package dev.rootlock.docker.discover;

/** Discovery cannot go on (the image fails even with a writable root, a run never settles). */
public final class DiscoveryException extends RuntimeException {

  public DiscoveryException(String message) {
    super(message);
  }
}
