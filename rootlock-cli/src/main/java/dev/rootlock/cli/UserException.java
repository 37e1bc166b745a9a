package dev.rootlock.cli;

/** A failure the user can act on (a file that cannot be written, a bad combination of flags). */
final class UserException extends RuntimeException {

  UserException(String message) {
    super(message);
  }

  UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
