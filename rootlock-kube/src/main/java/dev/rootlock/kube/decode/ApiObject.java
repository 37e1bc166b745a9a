package dev.rootlock.kube.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;

/**
 * One object of a list page: its identity, its controlling owner, and its JSON (dropped with the
 * page once decoded).
 *
 * @param controller the ownerReference with {@code controller: true}, or null
 */
public record ApiObject(
    ApiKind kind, String uid, String namespace, String name, OwnerRef controller, JsonNode json) {

  /** An ownerReference: who controls an object. */
  public record OwnerRef(String kind, String name, String uid) {

    /** {@code kind/name} as kubectl prints it, kind lower-cased. */
    public String displayName() {
      return kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }
  }

  public static ApiObject of(ApiKind kind, JsonNode json) {
    JsonNode meta = json.path("metadata");
    OwnerRef controller = null;
    for (JsonNode owner : meta.path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) {
        controller =
            new OwnerRef(
                owner.path("kind").asText(),
                owner.path("name").asText(),
                owner.path("uid").asText());
        break;
      }
    }
    return new ApiObject(
        kind,
        meta.path("uid").asText(""),
        meta.path("namespace").asText(null),
        meta.path("name").asText(""),
        controller,
        json);
  }

  /**
   * The object as a workload, decoded straight from its JSON tree ({@code DecoderEquivalenceTest}
   * holds it equal to the manifest reader's), named {@code source} in reports.
   */
  public Workload decode(SourceRef source) {
    return ApiObjectDecoder.decode(kind, json, source);
  }

  /** {@code kind/name} as kubectl prints it, kind lower-cased. */
  public String displayName() {
    return kind.kind().toLowerCase(java.util.Locale.ROOT) + "/" + name;
  }
}
