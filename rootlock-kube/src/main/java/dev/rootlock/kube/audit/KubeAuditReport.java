package dev.rootlock.kube.audit;

import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.ScanResult;
import java.util.List;

/**
 * The outcome of {@code rootlock kube audit}: one row per container, grouped by namespace and
 * owner, a summary per namespace, and what could not be read.
 *
 * @param policy the level and version evaluated, e.g. {@code hardened:latest}
 * @param rows grouped: by namespace, then by owner (the controller's own template first, then its
 *     pods), then by pod name
 * @param namespaces one summary per namespace that had objects, by name
 * @param unreadable namespaces (or kinds) the API server refused to list
 */
public record KubeAuditReport(
    String policy,
    List<AuditRow> rows,
    List<NamespaceSummary> namespaces,
    List<Unreadable> unreadable) {

  public KubeAuditReport {
    rows = List.copyOf(rows);
    namespaces = List.copyOf(namespaces);
    unreadable = List.copyOf(unreadable);
  }

  /** How many objects fail, over all namespaces. */
  public int violatingObjects() {
    return namespaces.stream().mapToInt(NamespaceSummary::violating).sum();
  }

  /** How many objects were evaluated. */
  public int objects() {
    return namespaces.stream().mapToInt(NamespaceSummary::objects).sum();
  }

  /**
   * {@code rootlock scan}'s exit codes: 2 when something could not be read, else 1 when any object
   * violates, else 0.
   */
  public int exitCode() {
    if (!unreadable.isEmpty()) {
      return ScanResult.ERROR;
    }
    return violatingObjects() > 0 ? ScanResult.VIOLATIONS : ScanResult.PASSED;
  }
}
