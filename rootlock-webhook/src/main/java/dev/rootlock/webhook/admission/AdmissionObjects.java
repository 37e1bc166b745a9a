package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.kube.decode.ApiObjects;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Workload;

/**
 * Turns the JSON objects of admission requests into the model the engine judges, straight from
 * Jackson's tree with the decoder {@code rootlock kube audit} uses, which reads every field the way
 * the manifest reader of {@code rootlock scan} does ({@code AdmissionDecodersAgreeTest}) at a third
 * of the cost. Thread-safe: it keeps no state.
 */
public final class AdmissionObjects {

  /** The name findings would carry. */
  static final String DISPLAY_NAME = "admission-request.json";

  private static final SourceRef SOURCE = SourceRef.of(DISPLAY_NAME);

  private final WorkloadKinds kinds;

  /** Objects of Kubernetes' workload kinds and the built-in custom ones. */
  AdmissionObjects() {
    this(WorkloadKinds.builtIn());
  }

  /**
   * Objects of the kinds in {@code kinds}, the user's {@code --workload-kind} mappings included.
   */
  public AdmissionObjects(WorkloadKinds kinds) {
    this.kinds = kinds;
  }

  /**
   * Whether {@code object} is of a custom kind of the table (not one of Kubernetes' own, which the
   * validator routes by resource): such a review is judged as a pod controller's.
   */
  boolean isCustomWorkload(String group, JsonNode object) {
    if (object == null || WorkloadKinds.isKubernetesGroup(group)) {
      return false;
    }
    JsonNode apiVersion = object.get("apiVersion");
    JsonNode kind = object.get("kind");
    return apiVersion != null
        && apiVersion.isTextual()
        && kind != null
        && kind.isTextual()
        && kinds.match(apiVersion.textValue(), kind.textValue())
            instanceof WorkloadKinds.Match.Found;
  }

  /**
   * The object as a workload (a Pod or a pod controller).
   *
   * @throws UndecodableObjectException when it is not one
   */
  Workload workload(JsonNode object) throws UndecodableObjectException {
    return ApiObjects.workload(object, SOURCE, kinds)
        .orElseThrow(
            () -> {
              String kind = object.path("kind").asText("");
              return new UndecodableObjectException(
                  "not a pod or an object with a pod template"
                      + (kind.isEmpty() ? "" : ": kind " + kind));
            });
  }

  /**
   * The object without {@code status} and {@code metadata.managedFields}, which no check reads and
   * which are often most of a live object's bytes. Shallow copies: the rest is shared, not copied.
   */
  static JsonNode withoutBookkeeping(JsonNode object) {
    if (!object.isObject()
        || !(object.has("status") || object.path("metadata").has("managedFields"))) {
      return object;
    }
    ObjectNode trimmed = AdmissionReviews.json().createObjectNode();
    object
        .properties()
        .forEach(
            field -> {
              String name = field.getKey();
              JsonNode value = field.getValue();
              if (name.equals("status")) {
                return;
              }
              if (name.equals("metadata") && value.isObject() && value.has("managedFields")) {
                ObjectNode metadata = AdmissionReviews.json().createObjectNode();
                value
                    .properties()
                    .forEach(
                        m -> {
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
