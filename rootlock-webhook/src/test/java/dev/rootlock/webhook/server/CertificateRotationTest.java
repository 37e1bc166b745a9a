package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces the certificate and key files under a short, bounded load: no request fails, connections
 * opened before the swap keep working on their session, and new ones get the new certificate.
 */
class CertificateRotationTest {

  @TempDir Path dir;

  /** A small review that goes through the whole path: parse, judge, write. */
  static final String REVIEW = Fixtures.text("reviews/bench-pod-restricted.json");

  @Test
  void rotatesUnderLoadWithoutAFailedRequest() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      webhook.namespace("rotation", java.util.Map.of("rootlock.dev/enforce", "restricted"));
      TestCertificates.Pair next =
          TestCertificates.generate(dir.resolve("next"), "localhost", "RSA");
      SSLContext trustsBoth =
          TestCertificates.trusting(webhook.tls.certificate(), next.certificate());
      HttpClient keptAlive = client(trustsBoth);
      assertThat(peer(send(keptAlive, webhook))).isEqualTo(webhook.tls.certificate());

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger ok = new AtomicInteger();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < 6; worker++) {
        boolean freshConnections = worker % 2 == 0;
        workers.add(
            load.submit(
                () -> {
                  HttpClient shared = client(trustsBoth);
                  // Bounded in count and in time: at most 400 requests or until told to stop.
                  long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                  for (int i = 0; i < 400 && !stop.get() && System.nanoTime() < deadline; i++) {
                    try {
                      HttpClient http = freshConnections ? client(trustsBoth) : shared;
                      HttpResponse<String> response = send(http, webhook);
                      if (response.statusCode() == 200
                          && response.body().contains("\"uid\":\"bench-1\"")) {
                        ok.incrementAndGet();
                      } else {
                        failures.add(response.statusCode() + " " + response.body());
                      }
                    } catch (Exception e) {
                      failures.add(e.toString());
                    }
                  }
                  return null;
                }));
      }
      WebhookHarness.await("some load before the swap", () -> ok.get() >= 100);

      // Replace both files the way a Secret volume update lands: each file moved into place.
      Path certificateTmp = dir.resolve("tls.crt.new");
      Path keyTmp = dir.resolve("tls.key.new");
      Files.copy(next.certificateFile(), certificateTmp);
      Files.copy(next.keyFile(), keyTmp);
      Files.move(
          keyTmp,
          webhook.tls.keyFile(),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          certificateTmp,
          webhook.tls.certificateFile(),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      WebhookHarness.await("the new certificate", () -> webhook.server.reloader().reloads() == 1);
      int atSwap = ok.get();
      WebhookHarness.await("some load after the swap", () -> ok.get() >= atSwap + 100);
      stop.set(true);
      for (Future<?> worker : workers) {
        worker.get();
      }
      load.close();

      assertThat(failures).isEmpty();
      assertThat(peer(send(client(trustsBoth), webhook))).isEqualTo(next.certificate());
      assertThat(peer(send(keptAlive, webhook)))
          .as("a connection opened before the swap is not dropped")
          .isEqualTo(webhook.tls.certificate());
    }
  }

  @Test
  void keepsTheCurrentPairWhileTheNewFilesDoNotMatch() throws Exception {
    try (WebhookHarness webhook = WebhookHarness.start(dir)) {
      TestCertificates.Pair next =
          TestCertificates.generate(dir.resolve("next"), "localhost", "EC");
      Files.copy(
          next.certificateFile(),
          webhook.tls.certificateFile(),
          StandardCopyOption.REPLACE_EXISTING);

      webhook.server.reloader().poll();

      assertThat(webhook.server.reloader().reloads()).isZero();
      assertThat(peer(send(client(webhook.tls.trustingContext()), webhook)))
          .isEqualTo(webhook.tls.certificate());

      Files.copy(next.keyFile(), webhook.tls.keyFile(), StandardCopyOption.REPLACE_EXISTING);
      webhook.server.reloader().poll();

      assertThat(webhook.server.reloader().reloads()).isEqualTo(1);
      assertThat(peer(send(client(next.trustingContext()), webhook))).isEqualTo(next.certificate());
    }
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder()
        .sslContext(tls)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> send(HttpClient http, WebhookHarness webhook)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(webhook.uri("/validate"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(REVIEW))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static X509Certificate peer(HttpResponse<String> response) throws Exception {
    Certificate[] chain = response.sslSession().orElseThrow().getPeerCertificates();
    return (X509Certificate) chain[0];
  }
}
