package dev.rootlock.webhook.config;

/**
 * A field validation error printed as Kubernetes prints one ({@code field.Error}): {@code
 * metadata.labels[rootlock.dev/enforce]: Invalid value: "strict": must be one of ...}.
 *
 * @param field the field's path as text
 * @param body what is wrong, e.g. {@code Invalid value: "x": must be ...}
 */
public record FieldError(String field, String body) {

  static FieldError invalid(String field, String value, String detail) {
    return new FieldError(field, "Invalid value: \"" + value + "\": " + detail);
  }

  static FieldError duplicate(String field, String value) {
    return new FieldError(field, "Duplicate value: \"" + value + "\"");
  }

  static FieldError unsupported(String field, String detail) {
    return new FieldError(field, detail);
  }

  /** Kubernetes' aggregate form: the one error alone, or {@code [e1, e2]}. */
  public static String aggregate(java.util.List<FieldError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).toString();
    }
    return errors.stream()
        .map(FieldError::toString)
        .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  @Override
  public String toString() {
    return field + ": " + body;
  }
}
