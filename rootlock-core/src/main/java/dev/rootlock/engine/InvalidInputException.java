package dev.rootlock.engine;

/**
 * Input that cannot be used: a {@code .rootlock.yaml} or a baseline (the message is one line,
 * {@code file:line:col: field: what is wrong}, ready to print after {@code error: }) or a {@code
 * docker run} line the Docker CLI would refuse (the message names the flag as written). The
 * reader's own exception stays behind the engine, as its cause.
 */
public final class InvalidInputException extends Exception {

  InvalidInputException(Exception cause) {
    super(cause.getMessage(), cause);
  }
}
