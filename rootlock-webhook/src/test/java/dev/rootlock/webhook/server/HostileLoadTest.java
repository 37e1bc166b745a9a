package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook under a hostile client, measured from the outside: the server runs in a JVM of its
 * own with the heap its Deployment gives it (128 MiB: a quarter of the 512 MiB limit, the JVM's
 * default share), and its resident set size is read from {@code /proc}. Each test is bounded (a few
 * thousand requests or connections on loopback) and asserts both that reviews are still answered
 * and that memory stayed within a fixed bound.
 */
class HostileLoadTest {

  private static final int HEAP_MIB = 128;

  /** Memory the server may gain over its warmed-up resident set while under attack. */
  private static final long RSS_GROWTH_LIMIT_KIB = 64 * 1024;

  /** What {@code /metrics} may weigh whatever the reviews said. */
  private static final int METRICS_LIMIT_BYTES = 16 * 1024;

  private static final String REVIEW = readReview();

  private static final String NOWHERE = "nowhere";

  @TempDir Path dir;

  @Test
  void tenThousandRandomKindsLeaveMetricsSmall() throws Exception {
    try (ChildWebhook webhook = ChildWebhook.start(dir, HEAP_MIB)) {
      Random random = new Random(15);
      int reviews = 10_000;
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < reviews; i++) {
        bodies.add(review("k" + i, randomKind(random, 8 + random.nextInt(24)), NOWHERE));
      }

      int allowed = postAll(webhook, bodies, 8);
      String metrics = scrape(webhook);

      report("10,000 random kinds: /metrics %d bytes".formatted(metrics.length()));
      assertThat(allowed).as(ChildWebhook.log(dir)).isEqualTo(reviews);
      assertThat(metrics.length()).as(metrics).isLessThan(METRICS_LIMIT_BYTES);
      assertThat(counter(metrics, "decision=\"error\",kind=\"other\",mode=\"enforce\""))
          .isEqualTo(reviews);
      assertThat(metrics).doesNotContain("kind=\"K");
    }
  }

  @Test
  void mebibyteKindsDoNotGrowMemory() throws Exception {
    try (ChildWebhook webhook = ChildWebhook.start(dir, HEAP_MIB)) {
      Random random = new Random(16);
      List<byte[]> warmup = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        warmup.add(review("w" + i, "Pod"));
      }
      postAll(webhook, warmup, 2);
      // One huge review first so that buffers sized for 1 MiB bodies count in the baseline.
      postAll(webhook, List.of(review("big-0", randomKind(random, 1 << 20), NOWHERE)), 1);
      long baseline = webhook.rssKib();

      int reviews = 150;
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < reviews; i++) {
        bodies.add(review("big" + i, randomKind(random, 1 << 20), NOWHERE));
      }
      int allowed = postAll(webhook, bodies, 2);
      String metrics = scrape(webhook);
      long peak = webhook.peakRssKib();

      report(
          "150 x 1 MiB kinds: RSS %d KiB warmed up, peak %d KiB; /metrics %d bytes"
              .formatted(baseline, peak, metrics.length()));
      assertThat(allowed).as(ChildWebhook.log(dir)).isEqualTo(reviews);
      assertThat(metrics.length()).isLessThan(METRICS_LIMIT_BYTES);
      assertThat(counter(metrics, "decision=\"error\",kind=\"other\",mode=\"enforce\""))
          .isEqualTo(reviews + 1);
      assertThat(peak - baseline)
          .as("peak RSS %d KiB over a warmed-up %d KiB", peak, baseline)
          .isLessThan(RSS_GROWTH_LIMIT_KIB);
    }
  }

  @Test
  void fiveThousandIdleConnectionsNeitherStopReviewsNorGrowMemory() throws Exception {
    // Idle connections are held for the whole test (the read deadline is the test's own).
    try (ChildWebhook webhook =
            ChildWebhook.start(dir, HEAP_MIB, "-Dsun.net.httpserver.maxReqTime=120");
        RawReviews apiServer = new RawReviews(webhook.tls, webhook.port)) {
      byte[] body = review("idle-0", "Pod");
      for (int i = 0; i < 200; i++) {
        assertThat(apiServer.post("/validate", body).code()).isEqualTo(200);
      }
      long baseline = webhook.rssKib();

      List<Socket> idle = new ArrayList<>();
      AtomicInteger handshaken = new AtomicInteger();
      try {
        openIdle(webhook, 5_000, idle, handshaken);
        int answered = 0;
        for (int i = 0; i < 200; i++) {
          if (apiServer.post("/validate", body).code() == 200) {
            answered++;
          }
        }
        long peak = webhook.peakRssKib();

        report(
            "5,000 idle connections: %d handshaken, RSS %d KiB warmed up, peak %d KiB"
                .formatted(handshaken.get(), baseline, peak));
        assertThat(answered).as(ChildWebhook.log(dir)).isEqualTo(200);
        assertThat(handshaken.get())
            .as("TLS connections the server accepted beyond the review connection")
            .isLessThanOrEqualTo(WebhookServer.DEFAULT_MAX_CONNECTIONS - 1);
        assertThat(peak - baseline)
            .as("peak RSS %d KiB over a warmed-up %d KiB", peak, baseline)
            .isLessThan(RSS_GROWTH_LIMIT_KIB);
      } finally {
        for (Socket socket : idle) {
          socket.close();
        }
      }
      // Once the idle connections go, their slots are free again.
      try (RawReviews late = new RawReviews(webhook.tls, webhook.port)) {
        assertThat(late.post("/validate", body).code()).isEqualTo(200);
      }
    }
  }

  /**
   * Opens {@code count} connections that complete a TLS handshake (the costliest idle connection:
   * an engine and its buffers on the server) and then send nothing. The ones the server refuses are
   * closed at once and not counted.
   */
  private static void openIdle(
      ChildWebhook webhook, int count, List<Socket> idle, AtomicInteger handshaken)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Socket>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  Socket plain = new Socket();
                  try {
                    plain.connect(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), webhook.port),
                        5_000);
                    SSLSocket tls =
                        (SSLSocket)
                            webhook
                                .tls
                                .getSocketFactory()
                                .createSocket(plain, "localhost", webhook.port, true);
                    tls.setSoTimeout(5_000);
                    tls.startHandshake();
                    handshaken.incrementAndGet();
                    return tls;
                  } catch (IOException refused) {
                    return plain; // still an open (or half-closed) socket to the server
                  }
                }));
      }
      for (Future<Socket> future : futures) {
        idle.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The measured figures, for docs/webhook.md and the log of a CI run. */
  private static void report(String line) {
    System.out.println("HostileLoadTest: " + line);
  }

  private static int postAll(ChildWebhook webhook, List<byte[]> bodies, int connections)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int first = c;
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  try (RawReviews client = new RawReviews(webhook.tls, webhook.port)) {
                    for (int i = first; i < bodies.size(); i += connections) {
                      RawReviews.Response response = client.post("/validate", bodies.get(i));
                      if (response.code() == 200 && response.body().contains("\"uid\"")) {
                        ok++;
                      }
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> result : results) {
        try {
          ok += result.get(300, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new AssertionError("a review failed; the server's log:\n" + webhook.log(), e);
        }
      }
      return ok;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String scrape(ChildWebhook webhook) throws IOException {
    try (RawReviews client = new RawReviews(webhook.tls, webhook.port)) {
      RawReviews.Response response = client.get("/metrics");
      assertThat(response.code()).isEqualTo(200);
      return response.body();
    }
  }

  private static long counter(String metrics, String labels) {
    Matcher matcher =
        Pattern.compile(
                "^rootlock_webhook_reviews_total\\{" + Pattern.quote(labels) + "} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : -1;
  }

  /** A kind as an attacker sends it: printable, JSON-safe, never one the webhook knows. */
  private static String randomKind(Random random, int length) {
    StringBuilder kind = new StringBuilder(length).append('K');
    for (int i = 1; i < length; i++) {
      kind.append((char) ('a' + random.nextInt(26)));
    }
    return kind.toString();
  }

  /** A review of the benchmark's pod in its namespace, with another uid and kind. */
  private static byte[] review(String uid, String kind) {
    return review(uid, kind, "rotation");
  }

  /**
   * The same in {@code namespace}; one the webhook does not know ({@link #NOWHERE}) is the cheapest
   * review an attacker can send that is still counted by kind.
   */
  private static byte[] review(String uid, String kind, String namespace) {
    return REVIEW
        .replace("\"uid\": \"bench-1\"", "\"uid\": \"" + uid + "\"")
        .replace("\"namespace\": \"rotation\"", "\"namespace\": \"" + namespace + "\"")
        .replace(
            "\"kind\": {\"group\": \"\", \"version\": \"v1\", \"kind\": \"Pod\"}",
            "\"kind\": {\"group\": \"\", \"version\": \"v1\", \"kind\": \"" + kind + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String readReview() {
    try (InputStream in =
        HostileLoadTest.class.getResourceAsStream("/reviews/bench-pod-restricted.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
