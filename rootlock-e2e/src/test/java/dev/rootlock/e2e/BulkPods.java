package dev.rootlock.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Creates many pods through the API quickly: POSTs from virtual threads, a bounded number in flight
 * (well under the API server's 200 mutating requests), each checked for 201 Created.
 */
final class BulkPods {

  private static final int IN_FLIGHT = 24;

  private BulkPods() {}

  /** Creates {@code count} pods named {@code prefix-N} in {@code namespace}. */
  static void create(String namespace, String prefix, int count, String containerJson)
      throws Exception {
    String token = Files.readString(RealApiServer.dir().resolve("admin.token")).strip();
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(Tls.trustingCa())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI uri = URI.create(server() + "/api/v1/namespaces/" + namespace + "/pods");
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<Future<String>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        String body =
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
                + prefix
                + "-"
                + i
                + "\"},\"spec\":{\"containers\":["
                + containerJson
                + "]}}";
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        slots.acquire();
        results.add(
            threads.submit(
                () -> {
                  try {
                    HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 201
                        ? null
                        : response.statusCode() + " " + response.body();
                  } finally {
                    slots.release();
                  }
                }));
      }
    }
    for (Future<String> result : results) {
      if (result.get() != null) {
        throw new AssertionError("creating a pod in " + namespace + " failed: " + result.get());
      }
    }
  }

  private static String server() throws IOException {
    for (String line : Files.readAllLines(RealApiServer.admin())) {
      if (line.strip().startsWith("server: ")) {
        return line.strip().substring("server: ".length());
      }
    }
    throw new IOException("no server: line in " + RealApiServer.admin());
  }
}
