package dev.rootlock.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fabric8's CRUD mock, taught what a real API server does with {@code limit} and {@code continue}:
 * the first request takes a consistent snapshot of the matching objects ordered by namespace and
 * name (etcd's key order), and each page hands out the next {@code limit} of them with a {@code
 * continue} token until none are left. Without {@code limit} it answers like the plain mock.
 */
public final class PagingCrudDispatcher extends KubernetesCrudDispatcher {

  private final Map<String, List<String>> snapshots = new ConcurrentHashMap<>();
  private final AtomicLong snapshotIds = new AtomicLong();

  @Override
  public MockResponse handleGet(String path) {
    int question = path.indexOf('?');
    Map<String, String> params = question < 0 ? Map.of() : params(path.substring(question + 1));
    if (!params.containsKey("limit") || params.containsKey("watch")) {
      return super.handleGet(path);
    }
    String base = question < 0 ? path : path.substring(0, question);
    AttributeSet query = getAttributeExtractor().fromPath(base);
    if (query.containsKey(KubernetesAttributesExtractor.NAME)) {
      return super.handleGet(base);
    }
    int limit = Integer.parseInt(params.get("limit"));
    String token = params.get("continue");
    String id;
    int offset;
    if (token == null) {
      id = Long.toString(snapshotIds.incrementAndGet());
      offset = 0;
      snapshots.put(id, snapshot(query));
    } else {
      id = token.substring(0, token.indexOf(':'));
      offset = Integer.parseInt(token.substring(token.indexOf(':') + 1));
    }
    List<String> items = snapshots.get(id);
    if (items == null) {
      return new MockResponse().setResponseCode(410).setBody(gone());
    }
    int end = Math.min(items.size(), offset + limit);
    String next = end < items.size() ? id + ":" + end : "";
    if (next.isEmpty()) {
      snapshots.remove(id);
    }
    StringBuilder body = new StringBuilder(64 + (end - offset) * 1024);
    body.append(
            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{\"resourceVersion\":\"1\",\"continue\":\"")
        .append(next)
        .append("\"},\"items\":[");
    for (int i = offset; i < end; i++) {
      if (i > offset) {
        body.append(',');
      }
      body.append(items.get(i));
    }
    body.append("]}");
    return new MockResponse().setResponseCode(200).setBody(body.toString());
  }

  private List<String> snapshot(AttributeSet query) {
    record Entry(String namespace, String name, String json) {}
    List<Entry> matching = new ArrayList<>();
    synchronized (map) {
      map.forEach(
          (key, json) -> {
            if (key.matches(query)) {
              matching.add(
                  new Entry(
                      value(key, KubernetesAttributesExtractor.NAMESPACE),
                      value(key, KubernetesAttributesExtractor.NAME),
                      json));
            }
          });
    }
    matching.sort(Comparator.comparing(Entry::namespace).thenComparing(Entry::name));
    return matching.stream().map(Entry::json).toList();
  }

  /** Stores an object without the mock's linear duplicate search, for large benchmark clusters. */
  public void store(String path, String json) {
    processEvent(path, getKey(path), null, null, json);
  }

  private static String value(AttributeSet key, String name) {
    var attribute = key.getAttribute(name);
    return attribute == null || attribute.getValues().isEmpty()
        ? ""
        : attribute.getValues().get(0).toString();
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&", 0)) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  private static String gone() {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"The"
        + " provided continue parameter is too old\",\"reason\":\"Expired\",\"code\":410}";
  }
}
