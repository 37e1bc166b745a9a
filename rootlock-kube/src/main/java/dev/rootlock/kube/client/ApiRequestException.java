package dev.rootlock.kube.client;

/**
 * One API request failed. {@code code} is the HTTP status (0 when no answer came at all); the
 * message is one line for the user.
 */
public final class ApiRequestException extends Exception {

  private final int code;

  public ApiRequestException(int code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean forbidden() {
    return code == 403;
  }
}
