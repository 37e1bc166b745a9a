package dev.rootlock.kube.audit;

/**
 * The audit's count for one namespace.
 *
 * @param objects pods (and, with {@code --include-workloads}, controllers) evaluated
 * @param violating how many of them fail the policy
 * @param containers containers evaluated
 * @param readOnly containers with {@code readOnlyRootFilesystem: true}
 */
public record NamespaceSummary(
    String namespace, int objects, int violating, int containers, int readOnly) {

  NamespaceSummary plus(boolean violates, int moreContainers, int moreReadOnly) {
    return new NamespaceSummary(
        namespace,
        objects + 1,
        violating + (violates ? 1 : 0),
        containers + moreContainers,
        readOnly + moreReadOnly);
  }
}
