package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.webhook.admission.AdmissionReviews;
import dev.rootlock.webhook.config.WebhookOptions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A real webhook server on loopback HTTPS, with a certificate made for the test, reading namespace
 * labels from fabric8's mock API server in CRUD mode; and a JDK HTTP client that trusts it.
 */
final class WebhookHarness implements AutoCloseable {

  final KubernetesMockServer apiServer;
  final KubernetesClient client;
  final TestCertificates.Pair tls;
  final WebhookServer server;
  final HttpClient http;
  final Path dir;

  private WebhookHarness(Path dir, String config, WebhookOptionsCustomizer customize)
      throws Exception {
    this(dir, config, customize, Map.of());
  }

  private WebhookHarness(
      Path dir,
      String config,
      WebhookOptionsCustomizer customize,
      Map<String, com.sun.net.httpserver.HttpHandler> extraRoutes)
      throws Exception {
    this.dir = dir;
    apiServer =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    apiServer.init();
    client = apiServer.createClient();
    tls = TestCertificates.generate(dir, "localhost", "EC");
    WebhookOptions options =
        WebhookOptions.of(tls.certificateFile(), tls.keyFile())
            .withSecurePort(0)
            .withBindAddress("127.0.0.1")
            .withCertificateCheckInterval(Duration.ofMillis(100))
            .withShutdownGracePeriod(Duration.ofSeconds(2));
    if (config != null) {
      Path file = dir.resolve("config.yaml");
      Files.writeString(file, config);
      options = options.withConfigFile(file);
    }
    server = WebhookServer.start(customize.apply(options), client, false, extraRoutes);
    http =
        HttpClient.newBuilder()
            .sslContext(tls.trustingContext())
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    await("the namespace cache to sync", server::ready);
  }

  @FunctionalInterface
  interface WebhookOptionsCustomizer {
    WebhookOptions apply(WebhookOptions options);
  }

  static WebhookHarness start(Path dir) throws Exception {
    return new WebhookHarness(dir, null, options -> options);
  }

  static WebhookHarness start(Path dir, String config) throws Exception {
    return new WebhookHarness(dir, config, options -> options);
  }

  static WebhookHarness start(Path dir, String config, WebhookOptionsCustomizer customize)
      throws Exception {
    return new WebhookHarness(dir, config, customize);
  }

  /** A server that also serves {@code extraRoutes}, e.g. an endpoint with a reviewer that fails. */
  static WebhookHarness withRoutes(Path dir, Map<String, com.sun.net.httpserver.HttpHandler> routes)
      throws Exception {
    return new WebhookHarness(dir, null, options -> options, routes);
  }

  URI uri(String path) {
    return URI.create("https://localhost:" + server.port() + path);
  }

  /** Creates (or replaces) a namespace in the API server and waits until the cache sees it. */
  void namespace(String name, Map<String, String> labels) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .createOr(existing -> existing.update());
    await(
        "namespace " + name + " in the cache",
        () -> {
          Map<String, String> seen = server.namespaceLabels().labelsOf(name);
          return seen != null
              && seen.entrySet().containsAll(labels.entrySet())
              && seen.keySet().stream().filter(key -> key.startsWith("rootlock.dev/")).count()
                  == labels.keySet().stream()
                      .filter(key -> key.startsWith("rootlock.dev/"))
                      .count();
        });
  }

  HttpResponse<String> post(String path, String body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a review to {@code path} and returns its {@code response}, checking the envelope. */
  JsonNode review(String path, String body) throws Exception {
    HttpResponse<String> response = post(path, body, "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode review = AdmissionReviews.json().readTree(response.body());
    assertThat(review.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(review.path("kind").asText()).isEqualTo("AdmissionReview");
    JsonNode request = AdmissionReviews.json().readTree(body).path("request");
    assertThat(review.at("/response/uid").asText()).isEqualTo(request.path("uid").asText());
    return review.path("response");
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    server.close();
    client.close();
    apiServer.destroy();
    Objects.requireNonNull(http);
  }
}
