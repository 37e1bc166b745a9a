package dev.rootlock.fix.yaml;

/** A change that cannot be written into the file's text as it is laid out. */
public final class EditException extends Exception {

  public EditException(String message) {
    super(message);
  }
}
