package dev.rootlock.kube.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The custom kinds of the workload table as this API server serves them, found the way kubectl
 * finds a resource: the group's discovery document ({@code GET /apis/GROUP}) names the versions
 * served, preferred first, and each version's resource list ({@code GET /apis/GROUP/VERSION}) names
 * the kind's plural. A user's mapping gives only the kind, group and template path; the version and
 * plural always come from the server, so nothing is guessed.
 *
 * <p>A built-in custom kind (DeploymentConfig, Argo Rollout, Knative Service) that the cluster does
 * not serve is simply not there. A kind the user asked for that it does not serve is reported,
 * since the audit could not do what was asked.
 */
public final class CustomKinds {

  /**
   * What discovery found.
   *
   * @param kinds the custom kinds served, ready to list
   * @param missing the user's kinds the server does not serve
   */
  public record Resolved(List<ApiKind> kinds, List<Unreadable> missing) {}

  private CustomKinds() {}

  /**
   * Resolves the table's custom kinds: the user's mappings always, the built-in ones only with
   * {@code includeBuiltIn} ({@code --include-workloads}).
   */
  public static Resolved resolve(PagedLister lister, WorkloadKinds table, boolean includeBuiltIn)
      throws ApiRequestException {
    List<ApiKind> kinds = new ArrayList<>();
    List<Unreadable> missing = new ArrayList<>();
    for (WorkloadKind row : table.kinds()) {
      boolean users = row.apiVersions().isEmpty();
      if (isKubernetes(row) || (!users && !includeBuiltIn)) {
        continue;
      }
      ApiKind served = served(lister, row);
      if (served != null) {
        kinds.add(served);
      } else if (users) {
        missing.add(
            new Unreadable(
                null,
                row.kind() + "." + String.join(",", row.groups()),
                "the API server serves no kind "
                    + row.kind()
                    + " in group "
                    + String.join(", ", row.groups())
                    + " (is its CustomResourceDefinition installed?)"));
      }
    }
    return new Resolved(kinds, missing);
  }

  /** Whether {@code row} is one of Kubernetes' own kinds, listed by their {@link ApiKind}. */
  private static boolean isKubernetes(WorkloadKind row) {
    return ApiKind.WORKLOADS_AND_PODS.stream()
        .anyMatch(k -> k.kind().equals(row.kind()) && k.row().groups().equals(row.groups()));
  }

  /** The kind at the first version, in the server's order of preference, that serves it. */
  private static ApiKind served(PagedLister lister, WorkloadKind row) throws ApiRequestException {
    for (String group : row.groups()) {
      JsonNode discovery = getOrNull(lister, "/apis/" + group, group);
      if (discovery == null) {
        continue;
      }
      for (String groupVersion : candidates(discovery, row)) {
        JsonNode resources = getOrNull(lister, "/apis/" + groupVersion, groupVersion);
        if (resources == null) {
          continue;
        }
        for (JsonNode resource : resources.path("resources")) {
          String name = resource.path("name").asText("");
          if (!name.isEmpty()
              && !name.contains("/") // a subresource, such as rollouts/status
              && row.kind().equals(resource.path("kind").asText())) {
            return ApiKind.served(
                row, groupVersion, name, resource.path("namespaced").asBoolean(true));
          }
        }
      }
    }
    return null;
  }

  /**
   * The group's versions to try: those the row names, in its order, when it names any (a built-in
   * kind is read only at versions rootlock knows); else the server's preferred version first.
   */
  private static List<String> candidates(JsonNode discovery, WorkloadKind row) {
    Set<String> served = new LinkedHashSet<>();
    String preferred = discovery.path("preferredVersion").path("groupVersion").asText("");
    if (!preferred.isEmpty()) {
      served.add(preferred);
    }
    for (JsonNode version : discovery.path("versions")) {
      String groupVersion = version.path("groupVersion").asText("");
      if (!groupVersion.isEmpty()) {
        served.add(groupVersion);
      }
    }
    if (row.apiVersions().isEmpty()) {
      return List.copyOf(served);
    }
    return row.apiVersions().stream().filter(served::contains).toList();
  }

  /** The document at {@code uri}, or null when the server has none (404). */
  private static JsonNode getOrNull(PagedLister lister, String uri, String what)
      throws ApiRequestException {
    try {
      return lister.get(uri, what);
    } catch (ApiRequestException e) {
      if (e.code() == 404) {
        return null;
      }
      throw e;
    }
  }
}
