package dev.rootlock.policy;

/** A set of checks that cannot form a registry; the message lists every problem found. */
public final class InvalidRegistryException extends RuntimeException {

  public InvalidRegistryException(String message) {
    super(message);
  }
}
