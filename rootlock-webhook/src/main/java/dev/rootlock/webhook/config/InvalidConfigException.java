package dev.rootlock.webhook.config;

import java.util.List;
import java.util.stream.Collectors;

/** A {@code --config} file that cannot be used, with every problem found, one per line. */
public final class InvalidConfigException extends RuntimeException {

  private final List<String> problems;

  InvalidConfigException(String origin, List<FieldError> errors) {
    super(
        origin
            + ": invalid configuration:\n"
            + errors.stream().map(error -> "  " + error).collect(Collectors.joining("\n")));
    this.problems = errors.stream().map(FieldError::toString).toList();
  }

  /** Each problem as {@code field: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
