package dev.rootlock.e2e;

/**
 * A real CustomResourceDefinition for the custom-kind tests: {@code workflows.GROUP}, kind {@code
 * Workflow}, served as v1 and v2 (stored, so preferred), any content kept. Each run uses its own
 * group, as CRDs are cluster-wide.
 */
final class WorkflowCrd {

  private WorkflowCrd() {}

  /** Creates it and waits until the API server serves it. */
  static void create(String group) {
    String version =
        """
            - name: %s
              served: true
              storage: %s
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
        """;
    Kubectl.apply(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: workflows.%1$s
        spec:
          group: %1$s
          scope: Namespaced
          names: {plural: workflows, singular: workflow, kind: Workflow, listKind: WorkflowList}
          versions:
        %2$s%3$s"""
            .formatted(group, version.formatted("v1", "false"), version.formatted("v2", "true")));
    Kubectl.must("wait", "--for=condition=Established", "--timeout=60s", "crd/workflows." + group);
  }

  /** Removes it (and so every Workflow of the group). */
  static void delete(String group) {
    Kubectl.admin("delete", "crd", "workflows." + group, "--wait=false", "--ignore-not-found");
  }
}
