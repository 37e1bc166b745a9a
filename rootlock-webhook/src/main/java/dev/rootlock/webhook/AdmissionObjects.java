package dev.rootlock.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;

/**
 * Turns the JSON objects of admission requests into the model the engine judges, through the same
 * manifest reader that {@code rootlock scan} uses, so a pod is read one way wherever it comes from.
 * Thread-safe: the reader keeps no state between reads.
 */
final class AdmissionObjects {

  /** The name findings would carry; its extension tells the reader the text is JSON. */
  static final String DISPLAY_NAME = "admission-request.json";

  private final ManifestReader reader = new ManifestReader();

  /**
   * The object as a workload (a Pod or a pod controller).
   *
   * @throws UndecodableObjectException when it is not one, or cannot be read
   */
  Workload workload(JsonNode object) throws UndecodableObjectException {
    String text;
    try {
      text = AdmissionReviews.json().writeValueAsString(withoutBookkeeping(object));
    } catch (JsonProcessingException e) {
      throw new UndecodableObjectException("cannot re-encode the object: " + e.getOriginalMessage());
    }
    ReadResult result = reader.read(DISPLAY_NAME, text);
    if (!result.errors().isEmpty()) {
      throw new UndecodableObjectException(result.errors().get(0).message());
    }
    if (result.workloads().size() != 1) {
      String kind = object.path("kind").asText("");
      throw new UndecodableObjectException(
          "not a pod or an object with a pod template" + (kind.isEmpty() ? "" : ": kind " + kind));
    }
    return result.workloads().get(0);
  }

  /**
   * The object without {@code status} and {@code metadata.managedFields}, which no check reads and
   * which are often most of a live object's bytes. Shallow copies: the rest is shared, not copied.
   */
  static JsonNode withoutBookkeeping(JsonNode object) {
    if (!object.isObject() || !(object.has("status") || object.path("metadata").has("managedFields"))) {
      return object;
    }
    ObjectNode trimmed = AdmissionReviews.json().createObjectNode();
    object
        .fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              JsonNode value = field.getValue();
              if (name.equals("status")) {
                return;
              }
              if (name.equals("metadata") && value.isObject() && value.has("managedFields")) {
                ObjectNode metadata = AdmissionReviews.json().createObjectNode();
                value.fields().forEachRemaining(m -> {
                  if (!m.getKey().equals("managedFields")) {
                    metadata.set(m.getKey(), m.getValue());
                  }
                });
                value = metadata;
              }
              trimmed.set(name, value);
            });
    return trimmed;
  }
}
