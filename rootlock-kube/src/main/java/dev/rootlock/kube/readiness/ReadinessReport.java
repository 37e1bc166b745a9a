package dev.rootlock.kube.readiness;

import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.ScanResult;
import java.util.List;

/**
 * The outcome of {@code rootlock kube readiness}.
 *
 * @param policy the level and version asked about, e.g. {@code restricted:latest}
 * @param namespaces one entry per namespace read, by name
 * @param unreadable namespaces the API server refused to show
 */
public record ReadinessReport(
    String policy, List<NamespaceReadiness> namespaces, List<Unreadable> unreadable) {

  public ReadinessReport {
    namespaces = List.copyOf(namespaces);
    unreadable = List.copyOf(unreadable);
  }

  /** 2 when something could not be read, else 1 when any namespace is not ready, else 0. */
  public int exitCode() {
    if (!unreadable.isEmpty()) {
      return ScanResult.ERROR;
    }
    return namespaces.stream().allMatch(NamespaceReadiness::ready)
        ? ScanResult.PASSED
        : ScanResult.VIOLATIONS;
  }
}
