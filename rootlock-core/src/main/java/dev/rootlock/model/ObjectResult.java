package dev.rootlock.model;

import java.util.List;

/**
 * The verdict on one object.
 *
 * @param message the whole per-object message when it fails (PSA's text under baseline and
 *     restricted, e.g. {@code violates PodSecurity "restricted:latest": ...}); empty when the
 *     policy allows it. Exemptions never change it (it stays what the API server would say), so an
 *     object whose findings are all exempt is {@code allowed} with its message kept
 * @param notes facts worth showing that are not violations (e.g. the paths a Dockerfile's VOLUME
 *     makes writable)
 */
public record ObjectResult(
    ObjectRef object, boolean allowed, String message, List<Finding> findings, List<String> notes) {

  public ObjectResult {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  /** The findings that count: not exempt. */
  public List<Finding> failingFindings() {
    return findings.stream().filter(finding -> !finding.isExempt()).toList();
  }

  /** The exempt findings. */
  public List<Finding> exemptFindings() {
    return findings.stream().filter(Finding::isExempt).toList();
  }
}
