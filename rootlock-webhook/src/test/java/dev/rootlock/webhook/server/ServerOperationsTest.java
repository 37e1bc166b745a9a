package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.webhook.config.WebhookOptions;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Health, readiness, TLS versions and graceful shutdown of a real server. */
class ServerOperationsTest {

  @TempDir Path dir;

  private static final String CONFIGMAP_REVIEW =
      "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
          + "\"uid\":\"slow-1\",\"operation\":\"CREATE\",\"namespace\":\"default\","
          + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"configmaps\"}}}";

  @Test
  void healthyAndReadyOnceTheCacheHasSynced() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      HttpResponse<String> health = webhook.get("/healthz");
      HttpResponse<String> ready = webhook.get("/readyz");

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ok\n");
    }
  }

  @Test
  void aMissingKubeconfigStopsTheStartWithOneLine() throws Exception {
    TestCertificates.Pair tls = TestCertificates.generate(dir, "localhost", "EC");
    Path missing = dir.resolve("no-such-kubeconfig");
    WebhookOptions options =
        WebhookOptions.of(tls.certificateFile(), tls.keyFile())
            .withSecurePort(0)
            .withBindAddress("127.0.0.1")
            .withKubeconfig(missing);

    // The same words as kube audit's, from the same code (KubeConnection).
    assertThatThrownBy(() -> WebhookServer.start(options))
        .isInstanceOf(IOException.class)
        .hasMessage("kubeconfig " + missing + " does not exist or is not a file");
  }

  @Test
  void startsFromAKubeconfigFileAndAConfigFile() throws Exception {
    io.fabric8.kubernetes.client.server.mock.KubernetesMockServer apiServer =
        new io.fabric8.kubernetes.client.server.mock.KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(),
            new java.util.HashMap<>(),
            new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(),
            false);
    apiServer.init();
    try (KubernetesClient admin = apiServer.createClient()) {
      Path kubeconfig = dir.resolve("kubeconfig");
      java.nio.file.Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters: [{name: mock, cluster: {server: "%s"}}]
          users: [{name: tester, user: {token: not-checked}}]
          contexts: [{name: mock, context: {cluster: mock, user: tester}}]
          current-context: mock
          """
              .formatted(admin.getMasterUrl()));
      Path config = dir.resolve("config.yaml");
      java.nio.file.Files.writeString(
          config,
          """
          apiVersion: rootlock.dev/v1alpha1
          kind: PodSecurityConfiguration
          defaults: {enforce: hardened}
          """);
      TestCertificates.Pair tls = TestCertificates.generate(dir, "localhost", "EC");
      WebhookOptions options =
          WebhookOptions.of(tls.certificateFile(), tls.keyFile())
              .withSecurePort(0)
              .withBindAddress("127.0.0.1")
              .withKubeconfig(kubeconfig)
              .withConfigFile(config)
              .withShutdownGracePeriod(Duration.ofSeconds(1));
      admin
          .namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName("plain")
                  .endMetadata()
                  .build())
          .create();

      try (WebhookServer server = WebhookServer.start(options)) {
        WebhookHarness.await("ready", server::ready);
        WebhookHarness.await(
            "the namespace", () -> server.namespaceLabels().labelsOf("plain") != null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls.trustingContext()).build();
        String review =
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
                + "\"uid\":\"k1\",\"operation\":\"CREATE\",\"namespace\":\"plain\",\"name\":\"p\","
                + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
                + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"},"
                + "\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}}}";

        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(review))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
            .contains("\"uid\":\"k1\",\"allowed\":false")
            .contains("violates rootlock policy \\\"hardened:latest\\\"");
      }
    } finally {
      apiServer.destroy();
    }
  }

  @Test
  void notReadyWhileTheApiServerCannotBeReached() throws Exception {
    TestCertificates.Pair tls = TestCertificates.generate(dir, "localhost", "EC");
    KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("https://127.0.0.1:9")
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
    WebhookOptions options =
        WebhookOptions.of(tls.certificateFile(), tls.keyFile())
            .withSecurePort(0)
            .withBindAddress("127.0.0.1");
    try (unreachable;
        WebhookServer server = WebhookServer.start(options, unreachable, false, Map.of())) {
      HttpClient http = HttpClient.newBuilder().sslContext(tls.trustingContext()).build();
      URI base = URI.create("https://localhost:" + server.port());

      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(base.resolve("/readyz")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(base.resolve("/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("namespace cache not synced\n");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(server.ready()).isFalse();
    }
  }

  @Test
  void speaksTls12And13ButNothingOlder() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      assertThat(handshake(webhook, "TLSv1.3")).isEqualTo("TLSv1.3");
      assertThat(handshake(webhook, "TLSv1.2")).isEqualTo("TLSv1.2");
      assertThatThrownBy(() -> handshake(webhook, "TLSv1.1")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void tls12OffersOnlyEcdheWithAeadCiphers() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      assertThat(handshake(webhook, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
          .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
      assertThat(handshake(webhook, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"))
          .isEqualTo("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
      assertThat(handshake(webhook, "TLSv1.3", "TLS_AES_256_GCM_SHA384"))
          .isEqualTo("TLS_AES_256_GCM_SHA384");
      for (String refused :
          List.of(
              "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
              "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
              "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
              "TLS_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")) {
        assertThatThrownBy(() -> handshake(webhook, "TLSv1.2", refused))
            .as(refused)
            .isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void theServerListsExactlyTheDocumentedSuites() throws Exception {
    javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
    tls.init(null, null, null);

    assertThat(WebhookServer.cipherSuites(tls))
        .containsExactly(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  private static String handshake(WebhookHarness webhook, String protocol, String suite)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            webhook
                .tls
                .trustingContext()
                .getSocketFactory()
                .createSocket("localhost", webhook.server.port())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
      return socket.getSession().getCipherSuite();
    }
  }

  @Test
  void aConnectionThatNeverSendsAByteIsClosed() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir);
        java.net.Socket socket =
            new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), webhook.server.port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());

      // A new connection may stay silent for the request deadline (2 s in the tests), checked
      // on the server's idle tick (10 s): then it is closed.
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (IOException e) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }

  @Test
  void aConnectionIdleAfterItsHandshakeIsClosed() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir);
        SSLSocket socket =
            (SSLSocket)
                webhook
                    .tls
                    .trustingContext()
                    .getSocketFactory()
                    .createSocket("localhost", webhook.server.port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
      socket.startHandshake();

      int read;
      try {
        read = socket.getInputStream().read();
      } catch (IOException e) {
        read = -1;
      }
      assertThat(read).isEqualTo(-1);
    }
  }

  private static String handshake(WebhookHarness webhook, String protocol) throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            webhook
                .tls
                .trustingContext()
                .getSocketFactory()
                .createSocket("localhost", webhook.server.port())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  @Test
  void closingFinishesTheReviewInFlightAndThenRefusesConnections() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      byte[] body = CONFIGMAP_REVIEW.getBytes(StandardCharsets.UTF_8);
      int half = body.length / 2;
      try (SSLSocket socket =
          (SSLSocket)
              webhook
                  .tls
                  .trustingContext()
                  .getSocketFactory()
                  .createSocket("localhost", webhook.server.port())) {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, half);
        out.flush();
        // The server is now reading this request's body. Ask it to stop.
        WebhookHarness.await("the request to reach the handler", () -> inFlight(webhook) > 0);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(webhook.server::close);
        WebhookHarness.await("the server to stop being ready", () -> !webhook.server.ready());
        assertThat(closing).isNotDone();

        out.write(body, half, body.length - half);
        out.flush();
        String response = readResponse(socket.getInputStream());

        assertThat(response).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(response)
            .endsWith(
                "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
                    + "\"response\":{\"uid\":\"slow-1\",\"allowed\":true}}");
        closing.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThatThrownBy(() -> webhook.get("/healthz")).isInstanceOf(IOException.class);
    }
  }

  private static int inFlight(WebhookHarness webhook) {
    return webhook.server.inFlight();
  }

  private static String readResponse(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    int contentLength = -1;
    while (true) {
      int c = in.read();
      if (c < 0) {
        return text.toString();
      }
      text.append((char) c);
      if (text.toString().endsWith("\r\n\r\n")) {
        for (String line : text.toString().split("\r\n", -1)) {
          if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            contentLength = Integer.parseInt(line.substring(15).trim());
          }
        }
        text.append(new String(in.readNBytes(contentLength), StandardCharsets.UTF_8));
        return text.toString();
      }
    }
  }

  @Test
  void aClientThatStallsMidRequestIsCutOff() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      try (SSLSocket socket =
          (SSLSocket)
              webhook
                  .tls
                  .trustingContext()
                  .getSocketFactory()
                  .createSocket("localhost", webhook.server.port())) {
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        socket
            .getOutputStream()
            .write(
                "POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();

        // sun.net.httpserver.maxReqTime is 2 s in the tests (see the pom): the server gives up.
        int read;
        try {
          read = socket.getInputStream().read();
        } catch (IOException e) {
          read = -1;
        }
        assertThat(read).isEqualTo(-1);
      }
    }
  }
}
