package dev.rootlock.kube.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Workload;
import java.util.Optional;

/**
 * Decodes one API object already parsed by Jackson (an admission request's object, say) into a
 * workload, without turning it back into text for the manifest reader.
 */
public final class ApiObjects {

  private ApiObjects() {}

  /**
   * The object as a workload, or empty when its apiVersion and kind are not a Pod or a pod
   * controller. Kinds are matched as the manifest reader matches them: by name, within the kind's
   * API group ({@code apps} or the old {@code extensions} for a Deployment), or by name alone when
   * apiVersion is missing; the workload keeps the apiVersion the object was written with.
   */
  public static Optional<Workload> workload(JsonNode object, SourceRef source) {
    return workload(object, source, WorkloadKinds.builtIn());
  }

  /**
   * The object as a workload of {@code kinds} (the built-in table plus the user's mappings), or
   * empty when its kind carries no pod template there or is not served under its apiVersion (which
   * the API server refuses before any webhook sees it).
   */
  public static Optional<Workload> workload(
      JsonNode object, SourceRef source, WorkloadKinds kinds) {
    if (object == null || !object.isObject()) {
      return Optional.empty();
    }
    String apiVersion = text(object.get("apiVersion"));
    if (!(kinds.match(apiVersion, text(object.get("kind")))
        instanceof WorkloadKinds.Match.Found found)) {
      return Optional.empty();
    }
    Workload decoded = ApiObjectDecoder.decode(found.kind(), object, source);
    if (apiVersion == null || apiVersion.equals(decoded.apiVersion())) {
      return Optional.of(decoded);
    }
    return Optional.of(
        new Workload(
            decoded.source(),
            apiVersion,
            decoded.kind(),
            decoded.metadata(),
            decoded.templatePath(),
            decoded.pod(),
            decoded.problems(),
            decoded.locator()));
  }

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.textValue();
  }
}
