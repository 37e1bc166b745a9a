package dev.rootlock.kube.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.kube.decode.ApiKind;
import dev.rootlock.kube.decode.ApiObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Lists a collection the way {@code kubectl get --chunk-size} does: {@code limit} objects per
 * request, following {@code continue} tokens, handing each page to a handler and dropping it.
 */
public final class PagedLister {

  /** Receives one page of objects; the page is dropped when it returns. */
  @FunctionalInterface
  public interface PageHandler {
    void accept(List<ApiObject> page) throws ApiRequestException;
  }

  /** Fetches run on virtual threads: they only wait on the network and parse. */
  private static final Executor PREFETCH =
      task -> Thread.ofVirtual().name("rootlock-kube-prefetch").start(task);

  private final KubernetesClient client;
  private final long pageSize;
  private final ObjectMapper json = new ObjectMapper();
  private final PageProgress progress;

  public PagedLister(KubernetesClient client, long pageSize) {
    this(client, pageSize, PageProgress.SILENT);
  }

  /** A lister that tells {@code progress} of each page before its handler gets it. */
  public PagedLister(KubernetesClient client, long pageSize, PageProgress progress) {
    this.client = client;
    this.pageSize = pageSize;
    this.progress = progress;
  }

  /**
   * Lists every {@code kind} object in {@code namespace} (null: all namespaces), page by page. The
   * next page is fetched and parsed while the handler works on the current one, so the server's
   * time and ours overlap; at most two pages are held.
   */
  public void list(ApiKind kind, String namespace, PageHandler handler) throws ApiRequestException {
    Page page = fetch(kind, namespace, null);
    while (true) {
      String token = page.continueToken();
      CompletableFuture<Page> next =
          token == null
              ? null
              : CompletableFuture.supplyAsync(
                  () -> fetchUnchecked(kind, namespace, token), PREFETCH);
      try {
        progress.listed(kind.plural(), namespace, page.objects().size());
        handler.accept(page.objects());
      } catch (ApiRequestException | RuntimeException e) {
        if (next != null) {
          next.cancel(true);
        }
        throw e;
      }
      if (next == null) {
        return;
      }
      page = await(next);
    }
  }

  private record Page(List<ApiObject> objects, String continueToken) {}

  private Page fetch(ApiKind kind, String namespace, String token) throws ApiRequestException {
    String uri = kind.path(namespace) + "?limit=" + pageSize;
    if (token != null) {
      uri += "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
    JsonNode page = get(uri, kind.plural());
    List<ApiObject> objects = new ArrayList<>(page.path("items").size());
    for (JsonNode item : page.path("items")) {
      objects.add(ApiObject.of(kind, item));
    }
    String next = page.path("metadata").path("continue").asText("");
    return new Page(objects, next.isEmpty() ? null : next);
  }

  private Page fetchUnchecked(ApiKind kind, String namespace, String token) {
    try {
      return fetch(kind, namespace, token);
    } catch (ApiRequestException e) {
      throw new CompletionException(e);
    }
  }

  private static Page await(CompletableFuture<Page> next) throws ApiRequestException {
    try {
      return next.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ApiRequestException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** One object, e.g. a namespace: {@code /api/v1/namespaces/ns}. */
  public JsonNode get(String uri, String what) throws ApiRequestException {
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
