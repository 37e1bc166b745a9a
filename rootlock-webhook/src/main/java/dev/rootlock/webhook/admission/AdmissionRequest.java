package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an {@code admission.k8s.io/v1} AdmissionRequest that the webhook reads.
 *
 * @param group the resource's API group ({@code ""} for core, {@code apps}, {@code batch})
 * @param resource the resource, e.g. pods, deployments, namespaces
 * @param subResource {@code ""} when none, e.g. {@code ephemeralcontainers}, {@code status}
 * @param kind the object's kind, e.g. {@code Pod}
 * @param name the object's name, possibly empty (a pod with generateName, at mutation)
 * @param namespace the request's namespace ({@code ""} for cluster-scoped objects)
 * @param operation {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code CONNECT}
 * @param username the requesting user's name, {@code ""} when not given
 * @param object the new object, or null
 * @param oldObject the old object on UPDATE, or null
 */
public record AdmissionRequest(
    String uid,
    String group,
    String resource,
    String subResource,
    String kind,
    String name,
    String namespace,
    String operation,
    String username,
    JsonNode object,
    JsonNode oldObject) {

  boolean isCreate() {
    return "CREATE".equals(operation);
  }

  boolean isUpdate() {
    return "UPDATE".equals(operation);
  }

  /** {@code pods} or {@code deployments.apps}: how Kubernetes names a resource in messages. */
  String groupResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  /** The request's name, or the object's own name when the request has none. */
  String objectName() {
    if (!name.isEmpty() || object == null) {
      return name;
    }
    return object.path("metadata").path("name").asText("");
  }
}
