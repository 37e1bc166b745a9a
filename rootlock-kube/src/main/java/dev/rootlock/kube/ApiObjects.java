package dev.rootlock.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Workload;
import java.util.Optional;
import java.util.Set;

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
    if (object == null || !object.isObject()) {
      return Optional.empty();
    }
    String apiVersion = text(object.get("apiVersion"));
    String kindName = text(object.get("kind"));
    ApiKind kind = kindOf(apiVersion, kindName);
    if (kind == null) {
      return Optional.empty();
    }
    Workload decoded = ApiObjectDecoder.decode(kind, object, source);
    if (apiVersion == null || apiVersion.equals(kind.apiVersion())) {
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

  private static ApiKind kindOf(String apiVersion, String kindName) {
    if (kindName == null) {
      return null;
    }
    String group = apiVersion == null ? null : groupOf(apiVersion);
    for (ApiKind kind : ApiKind.WORKLOADS_AND_PODS) {
      if (kind.kind().equals(kindName) && (group == null || groupsOf(kind).contains(group))) {
        return kind;
      }
    }
    return null;
  }

  /** The API groups the manifest reader accepts for a kind: its own, and extensions' old ones. */
  private static Set<String> groupsOf(ApiKind kind) {
    String own = groupOf(kind.apiVersion());
    return switch (kind) {
      case DEPLOYMENT, REPLICA_SET, DAEMON_SET -> Set.of(own, "extensions");
      default -> Set.of(own);
    };
  }

  private static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.textValue();
  }
}
