package dev.rootlock.webhook.admission;

import dev.rootlock.webhook.config.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the webhook answers to one AdmissionRequest.
 *
 * @param status why a request is refused (null when allowed)
 * @param warnings shown to the client ({@code Warning: ...} in kubectl)
 * @param auditAnnotations unprefixed keys; the API server prefixes them with the webhook's name
 * @param patch a JSON Patch document (mutating webhook only), or null
 */
@SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
public record AdmissionResponse(
    boolean allowed,
    Status status,
    List<String> warnings,
    Map<String, String> auditAnnotations,
    byte[] patch) {

  public AdmissionResponse {
    warnings = List.copyOf(warnings);
    auditAnnotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(auditAnnotations));
  }

  public static final AdmissionResponse ALLOWED =
      new AdmissionResponse(true, null, List.of(), Map.of(), null);

  static AdmissionResponse allowed(Map<String, String> auditAnnotations) {
    return new AdmissionResponse(true, null, List.of(), auditAnnotations, null);
  }

  public static AdmissionResponse denied(Status status, Map<String, String> auditAnnotations) {
    return new AdmissionResponse(false, status, List.of(), auditAnnotations, null);
  }

  AdmissionResponse withWarnings(List<String> more) {
    return new AdmissionResponse(allowed, status, more, auditAnnotations, patch);
  }

  AdmissionResponse withPatch(byte[] jsonPatch) {
    return new AdmissionResponse(allowed, status, warnings, auditAnnotations, jsonPatch);
  }

  /**
   * A Kubernetes {@code metav1.Status} for a refusal, as {@code apierrors} builds it.
   *
   * @param detailsKind the resource ({@code pods}) or kind ({@code Namespace}) named in the details
   * @param causes field errors, for {@code Invalid} (422) responses
   */
  public record Status(
      int code,
      String reason,
      String message,
      String detailsName,
      String detailsGroup,
      String detailsKind,
      List<FieldError> causes) {

    public Status {
      causes = List.copyOf(causes);
    }

    /** 403: {@code pods "nginx" is forbidden: violates ...}. */
    static Status forbidden(AdmissionRequest request, String why) {
      String name = request.objectName();
      String resource = request.groupResource();
      String message =
          name.isEmpty()
              ? resource + " is forbidden: " + why
              : resource + " \"" + name + "\" is forbidden: " + why;
      return new Status(
          403, "Forbidden", message, name, request.group(), request.resource(), List.of());
    }

    /** 422: {@code Namespace "x" is invalid: metadata.labels[...]: Invalid value: ...}. */
    static Status invalid(String kind, String name, List<FieldError> errors) {
      String message = kind + " \"" + name + "\" is invalid: " + FieldError.aggregate(errors);
      return new Status(422, "Invalid", message, name, "", kind, errors);
    }

    /** 400: the object in the request cannot be read. */
    static Status badRequest(String message) {
      return new Status(400, "BadRequest", message, "", "", "", List.of());
    }

    /** 500: {@code Internal error occurred: ...}. */
    public static Status internal(String why) {
      return new Status(
          500, "InternalError", "Internal error occurred: " + why, "", "", "", List.of());
    }
  }
}
