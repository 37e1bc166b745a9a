package dev.rootlock.docker.audit;

import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.util.List;
import java.util.Map;

/**
 * Every audited container, sorted by name, and the policy they were judged at ({@code
 * hardened:latest}). {@link #result()} is the same {@link ScanResult} a file scan yields, for the
 * JSON, SARIF and JUnit reporters.
 */
public record ContainerAuditReport(String policy, List<AuditedContainer> containers) {

  public ContainerAuditReport {
    containers = List.copyOf(containers);
  }

  public ScanResult result() {
    List<ObjectResult> objects = containers.stream().map(AuditedContainer::result).toList();
    return new ScanResult(policy, objects, List.of(), Map.of());
  }

  /** 0 when every container passes, 1 when any violates. */
  public int exitCode() {
    return result().exitCode();
  }
}
