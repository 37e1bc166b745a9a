package dev.rootlock.webhook.server;

import dev.rootlock.webhook.admission.ReviewMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The webhook's Prometheus metrics, in their own registry (not the global one, so that two servers
 * in one JVM, as in tests, do not share counts):
 *
 * <ul>
 *   <li>{@code rootlock_webhook_reviews_total{decision,mode,kind}}: one per mode a review was
 *       judged in ({@code enforce}, {@code audit}, {@code warn}, or {@code mutate}), decision
 *       {@code allow}, {@code deny} (would deny, for audit and warn), {@code exempt} or {@code
 *       patch};
 *   <li>{@code rootlock_webhook_requests_total{code}}: HTTP answers by status code;
 *   <li>{@code rootlock_webhook_review_duration_seconds{handler}}: from request to response;
 *   <li>{@code rootlock_webhook_namespace_cache_age_seconds}: time since the namespace cache last
 *       heard news from the API server (NaN before its first list);
 *   <li>{@code rootlock_webhook_namespace_cache_watching}: 1 while its watch is open.
 * </ul>
 *
 * <p>Every label value comes from a closed set, whatever a client sends: a kind the webhook does
 * not judge, a decision, mode, handler or status code it does not know, is counted as {@code
 * other}. Label series are never dropped, so a value taken from a request (a 1 MiB random {@code
 * kind}) would make each scrape and the heap grow without bound.
 */
final class WebhookMetrics implements ReviewMetrics {

  static final String OTHER = "other";

  /** The kinds the webhook judges (PSA's resources); all others are {@link #OTHER}. */
  static final Set<String> KINDS =
      Set.of(
          "Pod",
          "PodTemplate",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "Job",
          "CronJob",
          "Namespace");

  static final Set<String> DECISIONS = Set.of("allow", "deny", "exempt", "patch", "error");
  static final Set<String> MODES = Set.of("enforce", "audit", "warn", "mutate", "all");
  static final Set<String> HANDLERS = Set.of("validate", "mutate", "noop");
  static final Set<Integer> CODES = Set.of(200, 400, 404, 405, 413, 499, 500, 503);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final Counter reviews;
  private final Counter requests;
  private final Counter exemptions;

  /** Where the exemptions that allowed a review are written: a bounded label set. */
  static final Set<String> EXEMPTION_SOURCES = Set.of("config", "annotation");

  private final Histogram latency;

  WebhookMetrics(Supplier<Duration> cacheAge, Supplier<Boolean> cacheWatching) {
    reviews =
        Counter.builder()
            .name("rootlock_webhook_reviews_total")
            .help("Admission reviews judged, by decision, mode and object kind")
            .labelNames("decision", "mode", "kind")
            .register(registry);
    exemptions =
        Counter.builder()
            .name("rootlock_webhook_exemptions_total")
            .help("Reviews allowed because rootlock exemptions cover every finding, by source")
            .labelNames("source", "kind")
            .register(registry);
    requests =
        Counter.builder()
            .name("rootlock_webhook_requests_total")
            .help("HTTP requests to the review endpoints, by response status code")
            .labelNames("code")
            .register(registry);
    latency =
        Histogram.builder()
            .name("rootlock_webhook_review_duration_seconds")
            .help("Time from reading a review request to writing its response")
            .labelNames("handler")
            .classicOnly()
            .classicUpperBounds(
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(registry);
    GaugeWithCallback.builder()
        .name("rootlock_webhook_namespace_cache_age_seconds")
        .help("Seconds since the namespace cache last received a list or watch event")
        .callback(
            callback -> {
              Duration age = cacheAge.get();
              callback.call(age == null ? Double.NaN : age.toNanos() / 1e9);
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("rootlock_webhook_namespace_cache_watching")
        .help("1 while the namespace cache's watch on the API server is open")
        .callback(callback -> callback.call(Boolean.TRUE.equals(cacheWatching.get()) ? 1 : 0))
        .register(registry);
  }

  @Override
  public void exemption(String source, String kind) {
    exemptions.labelValues(known(EXEMPTION_SOURCES, source), known(KINDS, kind)).inc();
  }

  @Override
  public void review(String decision, String mode, String kind) {
    reviews.labelValues(known(DECISIONS, decision), known(MODES, mode), known(KINDS, kind)).inc();
  }

  void request(int code) {
    requests.labelValues(CODES.contains(code) ? Integer.toString(code) : OTHER).inc();
  }

  void latency(String handler, long nanos) {
    latency.labelValues(known(HANDLERS, handler)).observe(nanos / 1e9);
  }

  /** {@code value} when it is one of {@code known}, else {@link #OTHER}. */
  static String known(Set<String> known, String value) {
    return value != null && known.contains(value) ? value : OTHER;
  }

  String contentType() {
    return writer.getContentType();
  }

  /** The text exposition format of every metric. */
  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toByteArray();
  }
}
