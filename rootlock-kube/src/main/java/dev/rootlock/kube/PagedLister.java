package dev.rootlock.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a collection the way {@code kubectl get --chunk-size} does: {@code limit} objects per
 * request, following {@code continue} tokens, handing each page over before asking for the next so
 * that no more than one page is ever held.
 */
final class PagedLister {

  /** Receives one page of objects; the page is dropped when it returns. */
  @FunctionalInterface
  interface PageHandler {
    void accept(List<ApiObject> page) throws ApiRequestException;
  }

  private final KubernetesClient client;
  private final long pageSize;
  private final ObjectMapper json = new ObjectMapper();

  PagedLister(KubernetesClient client, long pageSize) {
    this.client = client;
    this.pageSize = pageSize;
  }

  /** Lists every {@code kind} object in {@code namespace} (null: all namespaces), page by page. */
  void list(ApiKind kind, String namespace, PageHandler handler) throws ApiRequestException {
    String token = null;
    do {
      String uri = kind.path(namespace) + "?limit=" + pageSize;
      if (token != null) {
        uri += "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
      }
      JsonNode page = get(uri, kind.plural());
      List<ApiObject> objects = new ArrayList<>(page.path("items").size());
      for (JsonNode item : page.path("items")) {
        objects.add(ApiObject.of(kind, item));
      }
      handler.accept(objects);
      String next = page.path("metadata").path("continue").asText("");
      token = next.isEmpty() ? null : next;
    } while (token != null);
  }

  /** One object, e.g. a namespace: {@code /api/v1/namespaces/ns}. */
  JsonNode get(String uri, String what) throws ApiRequestException {
    String body;
    try {
      body = client.raw(uri, "GET", null);
    } catch (KubernetesClientException e) {
      throw ApiFailures.of(e, client.getMasterUrl().toString(), uri, what);
    }
    try {
      return json.readTree(body);
    } catch (java.io.IOException | RuntimeException e) {
      throw new ApiRequestException(
          200, "the API server answered GET " + uri + " with something that is not JSON", e);
    }
  }
}
