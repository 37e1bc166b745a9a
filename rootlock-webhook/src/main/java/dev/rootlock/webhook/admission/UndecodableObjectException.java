package dev.rootlock.webhook.admission;

/** An object in a request that cannot be read as a pod or pod controller. */
final class UndecodableObjectException extends Exception {

  UndecodableObjectException(String message) {
    super(message);
  }
}
