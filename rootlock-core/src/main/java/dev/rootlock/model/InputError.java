package dev.rootlock.model;

/**
 * Input that could not be read or decoded: {@code file:line:col: message}.
 *
 * @param position null when the problem is with the file as a whole (missing, unreadable, binary)
 */
public record InputError(String file, Position position, String message) {

  @Override
  public String toString() {
    return position == null ? file + ": " + message : file + ":" + position + ": " + message;
  }
}
