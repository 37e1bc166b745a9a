package dev.rootlock.kube.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.kube.client.ApiRequestException;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.PagedLister;
import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.Unreadable;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the requested kinds in the requested scope. Across all namespaces it asks for each kind
 * cluster-wide first; when RBAC forbids that, it lists the namespaces and reads each one on its
 * own, recording the namespaces it may not read instead of giving up. Anything else that fails (no
 * answer, bad credentials, a server error) stops the walk with a one-line {@link KubeException}.
 */
public final class ClusterWalk {

  private final PagedLister lister;
  private final List<Unreadable> unreadable = new ArrayList<>();
  private List<String> namespaces;

  public ClusterWalk(PagedLister lister) {
    this.lister = lister;
  }

  /** Lists {@code kind} in {@code namespace} (null: all namespaces) through {@code handler}. */
  public void list(ApiKind kind, String namespace, PagedLister.PageHandler handler)
      throws KubeException {
    try {
      if (namespace != null) {
        listOrRecord(kind, namespace, handler);
      } else if (namespaces != null) {
        for (String each : namespaces) {
          listOrRecord(kind, each, handler);
        }
      } else {
        try {
          lister.list(kind, null, handler);
        } catch (ApiRequestException e) {
          if (!e.forbidden()) {
            throw e;
          }
          namespaces = namespaceNames(e);
          list(kind, null, handler);
        }
      }
    } catch (ApiRequestException e) {
      throw new KubeException(e.getMessage(), e);
    }
  }

  /** What could not be read, in the order it was met. */
  public List<Unreadable> unreadable() {
    return List.copyOf(unreadable);
  }

  private void listOrRecord(ApiKind kind, String namespace, PagedLister.PageHandler handler)
      throws ApiRequestException {
    try {
      lister.list(kind, namespace, handler);
    } catch (ApiRequestException e) {
      if (!e.forbidden()) {
        throw e;
      }
      unreadable.add(new Unreadable(namespace, kind.plural(), e.getMessage()));
    }
  }

  private List<String> namespaceNames(ApiRequestException clusterWide) throws ApiRequestException {
    List<String> names = new ArrayList<>();
    try {
      lister.list(ApiKind.NAMESPACE, null, page -> page.forEach(ns -> names.add(ns.name())));
    } catch (ApiRequestException e) {
      if (e.forbidden()) {
        throw new ApiRequestException(
            403,
            clusterWide.getMessage()
                + "; listing namespaces is forbidden too, so pass -n NAMESPACE",
            e);
      }
      throw e;
    }
    return names;
  }

  /** The namespace object {@code name}, for its labels. */
  public JsonNode namespace(String name) throws ApiRequestException {
    return lister.get(ApiKind.NAMESPACE.path(null) + "/" + name, "namespaces");
  }
}
