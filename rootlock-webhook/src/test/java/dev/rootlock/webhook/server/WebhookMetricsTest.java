package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Label values come from closed sets, whatever the request said. */
class WebhookMetricsTest {

  private final WebhookMetrics metrics = new WebhookMetrics(() -> null, () -> false);

  private String scrape() {
    return new String(metrics.scrape(), StandardCharsets.UTF_8);
  }

  @Test
  void aKnownKindIsItsOwnLabel() {
    metrics.review("deny", "enforce", "Deployment");

    assertThat(scrape())
        .contains(
            "rootlock_webhook_reviews_total{decision=\"deny\",kind=\"Deployment\","
                + "mode=\"enforce\"} 1.0\n");
  }

  @Test
  void anyOtherKindIsOther() {
    metrics.review("allow", "enforce", "ConfigMap");
    metrics.review("allow", "enforce", "K".repeat(1 << 20));
    metrics.review("allow", "enforce", "pod");
    metrics.review("allow", "enforce", "");
    metrics.review("allow", "enforce", null);

    String text = scrape();

    assertThat(text)
        .contains(
            "rootlock_webhook_reviews_total{decision=\"allow\",kind=\"other\",mode=\"enforce\"}"
                + " 5.0\n");
    assertThat(text.length()).isLessThan(4096);
  }

  @Test
  void unknownDecisionsModesHandlersAndCodesAreOther() {
    metrics.review("maybe", "sometimes", "Pod");
    metrics.latency("x".repeat(1000), 1_000_000);
    metrics.request(418);

    String text = scrape();

    assertThat(text)
        .contains(
            "rootlock_webhook_reviews_total{decision=\"other\",kind=\"Pod\",mode=\"other\"} 1.0\n")
        .contains("rootlock_webhook_review_duration_seconds_count{handler=\"other\"} 1\n")
        .contains("rootlock_webhook_requests_total{code=\"other\"} 1.0\n");
  }

  @Test
  void theCodesTheEndpointsAnswerAreTheirOwnLabels() {
    for (int code : new int[] {200, 400, 405, 413, 499, 500}) {
      metrics.request(code);
    }

    String text = scrape();

    for (int code : new int[] {200, 400, 405, 413, 499, 500}) {
      assertThat(text).contains("rootlock_webhook_requests_total{code=\"" + code + "\"} 1.0\n");
    }
  }
}
