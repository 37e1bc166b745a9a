package dev.rootlock.webhook.server;

import dev.rootlock.webhook.admission.AdmissionResponse;
import dev.rootlock.webhook.config.WebhookOptions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's server (run by {@code scripts/bench-webhook}, not a test): the real webhook on
 * loopback HTTPS, namespace labels from the mock API server, plus {@code /noop}, a review endpoint
 * that reads and answers reviews exactly like {@code /validate} but judges nothing, so the two can
 * be compared on the same server in the same run.
 *
 * <p>Arguments: a working directory. Writes {@code port} and {@code tls.crt} there once ready, and
 * stops when the file {@code stop} appears.
 */
public final class BenchServer {

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    KubernetesMockServer apiServer =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    apiServer.init();
    KubernetesClient client = apiServer.createClient();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("rotation")
                .withLabels(
                    Map.of(
                        "rootlock.dev/enforce", "restricted",
                        "rootlock.dev/warn", "hardened",
                        "rootlock.dev/audit", "hardened"))
                .endMetadata()
                .build())
        .create();
    TestCertificates.Pair tls = TestCertificates.generate(dir, "localhost", "EC");
    WebhookOptions options =
        WebhookOptions.of(tls.certificateFile(), tls.keyFile())
            .withSecurePort(0)
            .withBindAddress("127.0.0.1")
            .withShutdownGracePeriod(Duration.ofSeconds(2));
    WebhookMetrics noopMetrics = new WebhookMetrics(() -> null, () -> false);
    ReviewEndpoint noop =
        new ReviewEndpoint(
            "noop",
            (request, timeout) -> AdmissionResponse.ALLOWED,
            noopMetrics,
            new java.util.concurrent.atomic.AtomicInteger());
    try (WebhookServer server =
        WebhookServer.start(options, client, false, Map.of("/noop", noop))) {
      WebhookHarness.await("the namespace cache", server::ready);
      WebhookHarness.await(
          "the namespace in the cache",
          () -> server.namespaceLabels().labelsOf("rotation") != null);
      Files.writeString(dir.resolve("port.tmp"), Integer.toString(server.port()));
      Files.move(dir.resolve("port.tmp"), dir.resolve("port"));
      System.out.println("bench server on port " + server.port());
      while (!Files.exists(dir.resolve("stop"))) {
        Thread.sleep(200);
      }
    } finally {
      client.close();
      apiServer.destroy();
    }
  }
}
