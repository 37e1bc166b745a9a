package dev.rootlock.config;

import dev.rootlock.model.Position;

/**
 * A config file that cannot be used. The message is one line: {@code file:line:col: field: what is
 * wrong}, ready to print after {@code error: }.
 */
public final class ConfigException extends Exception {

  public ConfigException(String file, Position position, String field, String message) {
    super(
        file
            + (position == null ? "" : ":" + position.line() + ":" + position.column())
            + ": "
            + (field == null || field.isEmpty() ? "" : field + ": ")
            + message);
  }
}
