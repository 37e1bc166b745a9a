package dev.rootlock.testing;

import java.util.List;

/**
 * One row of a check's table: a subject (a pod, a container's config, a Dockerfile) and what the
 * check must say about it. Either it passes, or it fails with an exact detail (and, where the check
 * has several, an exact reason; else the reason the test names once), optionally naming exactly
 * these containers and field paths.
 *
 * <p>For a row that runs a whole registry ({@link SingleCheck#assertDecision}), {@code name} is the
 * level and version, as {@code restricted:v1.25}, and {@code detail} is the decision's detailed
 * form.
 *
 * @param reason null: the reason the test passes to {@link SingleCheck#assertResult}
 * @param containers null: not asserted
 * @param fields null: not asserted
 */
public record CheckCase<T>(
    String name,
    T subject,
    boolean passes,
    String reason,
    String detail,
    List<String> containers,
    List<String> fields) {

  public static <T> CheckCase<T> passes(String name, T subject) {
    return new CheckCase<>(name, subject, true, null, "", null, null);
  }

  public static <T> CheckCase<T> fails(String name, T subject, String detail) {
    return new CheckCase<>(name, subject, false, null, detail, null, null);
  }

  public static <T> CheckCase<T> fails(String name, T subject, String reason, String detail) {
    return new CheckCase<>(name, subject, false, reason, detail, null, null);
  }

  /** This case, also asserting the containers and field paths the failure names, in order. */
  public CheckCase<T> naming(List<String> newContainers, List<String> newFields) {
    return new CheckCase<>(name, subject, passes, reason, detail, newContainers, newFields);
  }

  /** The row's name, as JUnit shows it for {@code @ParameterizedTest(name = "{0}")}. */
  @Override
  public String toString() {
    return name;
  }
}
