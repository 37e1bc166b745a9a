package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import java.util.List;

/**
 * One row of a check's table: a pod and what the check must say about it. Either it passes, or it
 * fails with an exact detail (and, where the check has several, an exact reason; else the reason
 * the test names once), optionally naming exactly these containers and field paths.
 *
 * <p>For a row that runs a whole registry ({@link SingleCheck#assertDecision}), {@code name} is the
 * level and version, as {@code restricted:v1.25}, and {@code detail} is the decision's detailed
 * form.
 *
 * @param reason null: the reason the test passes to {@link SingleCheck#assertResult}
 * @param containers null: not asserted
 * @param fields null: not asserted
 */
record CheckCase(
    String name,
    Pod pod,
    boolean passes,
    String reason,
    String detail,
    List<String> containers,
    List<String> fields) {

  static CheckCase passes(String name, Pod pod) {
    return new CheckCase(name, pod, true, null, "", null, null);
  }

  static CheckCase fails(String name, Pod pod, String detail) {
    return new CheckCase(name, pod, false, null, detail, null, null);
  }

  static CheckCase fails(String name, Pod pod, String reason, String detail) {
    return new CheckCase(name, pod, false, reason, detail, null, null);
  }

  /** This case, also asserting the containers and field paths the failure names, in order. */
  CheckCase naming(List<String> newContainers, List<String> newFields) {
    return new CheckCase(name, pod, passes, reason, detail, newContainers, newFields);
  }

  /** The row's name, as JUnit shows it for {@code @ParameterizedTest(name = "{0}")}. */
  @Override
  public String toString() {
    return name;
  }
}
