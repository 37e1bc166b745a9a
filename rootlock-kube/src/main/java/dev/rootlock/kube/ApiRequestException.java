package dev.rootlock.kube;

/**
 * One API request failed. {@code code} is the HTTP status (0 when no answer came at all); the
 * message is one line for the user.
 */
final class ApiRequestException extends Exception {

  private final int code;

  ApiRequestException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  int code() {
    return code;
  }

  boolean forbidden() {
    return code == 403;
  }
}
