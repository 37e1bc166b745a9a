package dev.rootlock.model;

import java.util.List;

/**
 * The verdict on one object.
 *
 * @param message the whole per-object message when it fails (PSA's text under baseline and
 *     restricted, e.g. {@code violates PodSecurity "restricted:latest": ...}); empty when allowed
 * @param notes facts worth showing that are not violations (e.g. the paths a Dockerfile's VOLUME
 *     makes writable)
 */
public record ObjectResult(
    ObjectRef object, boolean allowed, String message, List<Finding> findings, List<String> notes) {

  public ObjectResult {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }
}
