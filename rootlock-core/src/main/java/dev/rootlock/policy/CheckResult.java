package dev.rootlock.policy;

import dev.rootlock.model.FieldPath;
import java.util.List;

/**
 * The outcome of one check on one subject.
 *
 * @param allowed whether the subject passes
 * @param reason PSA's ForbiddenReason: a short phrase, always shown (empty when allowed)
 * @param detail PSA's ForbiddenDetail: the containers and values at fault (may be empty)
 * @param containers the names of the containers at fault, in visiting order (empty when the fault
 *     is pod-level only)
 * @param fields the offending fields, relative to the subject's root, most important first; a field
 *     that must be added is named by the path it should have
 */
public record CheckResult(
    boolean allowed,
    String reason,
    String detail,
    List<String> containers,
    List<FieldPath> fields) {

  public static final CheckResult ALLOWED = new CheckResult(true, "", "", List.of(), List.of());

  public CheckResult {
    containers = List.copyOf(containers);
    fields = List.copyOf(fields);
  }

  /** A failing result. */
  public static CheckResult forbidden(
      String reason, String detail, List<String> containers, List<FieldPath> fields) {
    return new CheckResult(false, reason, detail, containers, fields);
  }
}
