package dev.rootlock.model;

/**
 * A field whose value Kubernetes (or Compose) would refuse to decode, e.g. the string {@code
 * "true"} where a boolean belongs. The field is treated as unset by the checks.
 */
public record FieldProblem(FieldPath path, String message) {}
