package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.webhook.config.FieldError;
import java.util.Base64;
import java.util.Map;

/** Reads {@code admission.k8s.io/v1} AdmissionReview requests and writes their responses. */
public final class AdmissionReviews {

  static final String API_VERSION = "admission.k8s.io/v1";
  static final String KIND = "AdmissionReview";

  // Trailing garbage after the review is as malformed as a truncated one.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private AdmissionReviews() {}

  public static ObjectMapper json() {
    return JSON;
  }

  /** Parses a review; every way it can be unusable is a {@link BadReviewException}. */
  public static AdmissionRequest parse(byte[] body) throws BadReviewException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new BadReviewException("unable to decode the request: not valid JSON");
    } catch (java.io.IOException e) {
      throw new BadReviewException("unable to decode the request");
    }
    if (root == null || !root.isObject()) {
      throw new BadReviewException("unable to decode the request: not a JSON object");
    }
    String apiVersion = root.path("apiVersion").asText("");
    String kind = root.path("kind").asText("");
    if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
      throw new BadReviewException(
          "unexpected AdmissionReview kind: "
              + apiVersion
              + ", Kind="
              + kind
              + " (expected "
              + API_VERSION
              + ", Kind="
              + KIND
              + ")");
    }
    JsonNode request = root.get("request");
    if (request == null || !request.isObject()) {
      throw new BadReviewException("unexpected nil AdmissionReview request");
    }
    String uid = text(request, "uid");
    if (uid.isEmpty()) {
      throw new BadReviewException("AdmissionReview request has no uid");
    }
    JsonNode resource = request.path("resource");
    if (text(resource, "resource").isEmpty()) {
      throw new BadReviewException("AdmissionReview request has no resource");
    }
    return new AdmissionRequest(
        uid,
        text(resource, "group"),
        text(resource, "resource"),
        text(request, "subResource"),
        text(request.path("kind"), "kind"),
        text(request, "name"),
        text(request, "namespace"),
        text(request, "operation"),
        text(request.path("userInfo"), "username"),
        objectOrNull(request.get("object")),
        objectOrNull(request.get("oldObject")));
  }

  /** The AdmissionReview that answers {@code uid}. */
  public static byte[] write(String uid, AdmissionResponse response) {
    ObjectNode root = JSON.createObjectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", KIND);
    ObjectNode out = root.putObject("response");
    out.put("uid", uid);
    out.put("allowed", response.allowed());
    if (response.status() != null) {
      out.set("status", status(response.status()));
    }
    if (!response.warnings().isEmpty()) {
      ArrayNode warnings = out.putArray("warnings");
      response.warnings().forEach(warnings::add);
    }
    if (!response.auditAnnotations().isEmpty()) {
      ObjectNode annotations = out.putObject("auditAnnotations");
      for (Map.Entry<String, String> entry : response.auditAnnotations().entrySet()) {
        annotations.put(entry.getKey(), entry.getValue());
      }
    }
    if (response.patch() != null) {
      out.put("patchType", "JSONPatch");
      out.put("patch", Base64.getEncoder().encodeToString(response.patch()));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static ObjectNode status(AdmissionResponse.Status status) {
    ObjectNode node = JSON.createObjectNode();
    node.putObject("metadata");
    node.put("status", "Failure");
    node.put("message", status.message());
    node.put("reason", status.reason());
    ObjectNode details = JSON.createObjectNode();
    putIfNotEmpty(details, "name", status.detailsName());
    putIfNotEmpty(details, "group", status.detailsGroup());
    putIfNotEmpty(details, "kind", status.detailsKind());
    if (!status.causes().isEmpty()) {
      ArrayNode causes = details.putArray("causes");
      for (FieldError error : status.causes()) {
        causes
            .addObject()
            .put("reason", "FieldValueInvalid")
            .put("message", error.body())
            .put("field", error.field());
      }
    }
    if (!details.isEmpty()) {
      node.set("details", details);
    }
    node.put("code", status.code());
    return node;
  }

  private static void putIfNotEmpty(ObjectNode node, String key, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(key, value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.textValue() : "";
  }

  private static JsonNode objectOrNull(JsonNode node) {
    return node != null && node.isObject() ? node : null;
  }
}
