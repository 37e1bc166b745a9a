package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.setters;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Container;
import dev.rootlock.policy.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * PSA's "the pod, or else every container" rule (runAsNonRoot, seccompProfile_restricted): an
 * explicitly bad value anywhere is reported first, as {@code <setters> must not set ...}; only when
 * there is none are the containers left uncovered by the pod reported, as {@code pod or
 * <containers> must set ...}, with the pod field first because setting it once is the simplest fix.
 */
final class PodOrContainers {

  private final FieldPath podField;
  private final List<String> badNames = new ArrayList<>();
  private final List<FieldPath> badFields = new ArrayList<>();
  private final List<String> missingNames = new ArrayList<>();
  private final List<FieldPath> missingFields = new ArrayList<>();

  PodOrContainers(FieldPath podField) {
    this.podField = podField;
  }

  /** {@code container} sets the field to a forbidden value. */
  void bad(Container container, FieldPath field) {
    badNames.add(container.displayName());
    badFields.add(field);
  }

  /** {@code container} leaves the field unset and the pod does not cover it. */
  void missing(Container container, FieldPath field) {
    missingNames.add(container.displayName());
    missingFields.add(field);
  }

  /**
   * The check's result.
   *
   * @param podIsBad whether the pod-level field holds a forbidden value
   * @param mustNotSet the detail after the setters, e.g. {@code must not set ...=false}
   * @param mustSet the detail after {@code pod or <containers>}, e.g. {@code must set ...=true}
   */
  CheckResult result(String reason, boolean podIsBad, String mustNotSet, String mustSet) {
    if (podIsBad || !badNames.isEmpty()) {
      List<FieldPath> fields = new ArrayList<>();
      if (podIsBad) {
        fields.add(podField);
      }
      fields.addAll(badFields);
      return CheckResult.forbidden(
          reason, setters(podIsBad, badNames) + " " + mustNotSet, badNames, fields);
    }
    if (!missingNames.isEmpty()) {
      List<FieldPath> fields = new ArrayList<>();
      fields.add(podField);
      fields.addAll(missingFields);
      return CheckResult.forbidden(
          reason, "pod or " + containers(missingNames) + " " + mustSet, missingNames, fields);
    }
    return CheckResult.ALLOWED;
  }
}
