package dev.rootlock.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * fabric8's mock API server over plain HTTP on loopback, in CRUD mode with real pagination, with
 * expectations (fixed answers such as a 403 or a 500) taking precedence for the paths they name,
 * and a log of every GET path so tests can see {@code limit} and {@code continue} being used.
 *
 * <p>One per test: a {@code @RegisterExtension} field holding a new one starts it with the test
 * instance and shuts it down, with every client it made, after the test. Outside JUnit's lifecycle,
 * use it in try-with-resources.
 */
public final class TestApiServer implements AutoCloseable, AfterEachCallback {

  public final KubernetesMockServer server;
  public final PagingCrudDispatcher crud = new PagingCrudDispatcher();
  public final List<String> gets = new CopyOnWriteArrayList<>();
  private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  public TestApiServer() {
    MockDispatcher expectations = new MockDispatcher(responses);
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if ("GET".equals(request.getMethod())) {
              gets.add(request.getPath());
            }
            Queue<ServerResponse> queue =
                responses.get(
                    new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
            return queue != null && !queue.isEmpty()
                ? expectations.dispatch(request)
                : crud.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.start();
  }

  /** A client like the mock's own, but failing fast: no retries; closed with the server. */
  public KubernetesClient client() {
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config()).build();
    clients.add(client);
    return client;
  }

  public Config config() {
    try (KubernetesClient mockClient = server.createClient()) {
      return new ConfigBuilder(mockClient.getConfiguration())
          .withRequestRetryBackoffLimit(0)
          .build();
    }
  }

  /** The GET paths that listed {@code collection} (e.g. {@code /api/v1/pods}), in order. */
  public List<String> listsOf(String collection) {
    return gets.stream()
        .filter(p -> p.equals(collection) || p.startsWith(collection + "?"))
        .toList();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    clients.forEach(KubernetesClient::close);
    clients.clear();
    server.shutdown();
  }
}
