package dev.rootlock.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;

/**
 * The mutating webhook: for new pods in namespaces labelled {@code rootlock.dev/mutate: "true"},
 * answers with the {@link ReadOnlyRootPatch}. It never refuses anything; judging is the validating
 * webhook's job, and it runs after this one, on the patched pod.
 */
final class Mutator {

  private final WebhookConfig config;
  private final NamespaceLabels namespaces;
  private final WebhookMetrics metrics;

  Mutator(WebhookConfig config, NamespaceLabels namespaces, WebhookMetrics metrics) {
    this.config = config;
    this.namespaces = namespaces;
    this.metrics = metrics;
  }

  AdmissionResponse review(AdmissionRequest request) {
    if (!request.group().isEmpty()
        || !request.resource().equals("pods")
        || !request.subResource().isEmpty()
        || !request.isCreate()
        || request.object() == null) {
      return AdmissionResponse.ALLOWED;
    }
    Exemptions exemptions = config.exemptions();
    if (exemptions.namespaces().contains(request.namespace())
        || exemptions.usernames().contains(request.username())) {
      metrics.review("exempt", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    Map<String, String> labels = namespaces.labelsOf(request.namespace());
    if (labels == null || !"true".equals(labels.get(PolicyLabels.MUTATE))) {
      return AdmissionResponse.ALLOWED;
    }
    String runtimeClass = request.object().path("spec").path("runtimeClassName").asText("");
    if (!runtimeClass.isEmpty() && exemptions.runtimeClasses().contains(runtimeClass)) {
      metrics.review("exempt", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    ArrayNode patch = ReadOnlyRootPatch.build(request.object());
    if (patch.isEmpty()) {
      metrics.review("allow", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    metrics.review("patch", "mutate", request.kind());
    try {
      return AdmissionResponse.ALLOWED.withPatch(AdmissionReviews.json().writeValueAsBytes(patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
