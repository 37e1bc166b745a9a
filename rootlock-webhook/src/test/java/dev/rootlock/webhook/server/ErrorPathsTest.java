package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpHandler;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever fails while a review is handled, the client gets a status line and a body it can read: a
 * review whose reviewer throws is answered as PSA answers a request it cannot handle (a well-formed
 * review, not allowed, {@code InternalError}); a failure outside the reviewer is a plain 500. Never
 * a dropped connection.
 */
class ErrorPathsTest {

  @TempDir static Path dir;
  static WebhookHarness webhook;

  private static final String CONFIGMAP_REVIEW =
      "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
          + "\"uid\":\"e1\",\"operation\":\"CREATE\",\"namespace\":\"default\","
          + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"ConfigMap\"},"
          + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"configmaps\"}}}";

  @BeforeAll
  static void start() throws Exception {
    WebhookMetrics metrics = new WebhookMetrics(() -> null, () -> false);
    Map<String, HttpHandler> routes =
        Map.of(
            "/throws",
            new ReviewEndpoint(
                "throws",
                (request, timeout) -> {
                  throw new NullPointerException("a check met a null");
                },
                metrics,
                new AtomicInteger()),
            "/overflows",
            new ReviewEndpoint(
                "overflows",
                (request, timeout) -> {
                  throw new StackOverflowError();
                },
                metrics,
                new AtomicInteger()),
            "/null",
            new ReviewEndpoint("null", (request, timeout) -> null, metrics, new AtomicInteger()));
    webhook = WebhookHarness.withRoutes(dir, routes);
  }

  @AfterAll
  static void stop() {
    webhook.close();
  }

  @Test
  void aReviewerThatThrowsGetsAWellFormedInternalErrorReview() throws Exception {
    JsonNode response = webhook.review("/throws", CONFIGMAP_REVIEW);

    assertThat(response.toString())
        .isEqualTo(
            "{\"uid\":\"e1\",\"allowed\":false,\"status\":{\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Internal error occurred: the review failed; see the webhook's"
                + " log\",\"reason\":\"InternalError\",\"code\":500}}");
  }

  @Test
  void aStackOverflowInTheReviewerIsAnsweredTheSameWay() throws Exception {
    JsonNode response = webhook.review("/overflows", CONFIGMAP_REVIEW);

    assertThat(response.path("allowed").asBoolean(true)).isFalse();
    assertThat(response.at("/status/code").asInt()).isEqualTo(500);
    assertThat(response.at("/status/reason").asText()).isEqualTo("InternalError");
  }

  @Test
  void aFailureOutsideTheReviewerIsAPlain500WithAStatusLine() throws Exception {
    HttpResponse<String> response = webhook.post("/null", CONFIGMAP_REVIEW, "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("internal server error\n");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void theServerKeepsServingAfterAFailure() throws Exception {
    webhook.post("/null", CONFIGMAP_REVIEW, "application/json");
    webhook.review("/throws", CONFIGMAP_REVIEW);

    assertThat(webhook.review("/validate", CONFIGMAP_REVIEW).path("allowed").asBoolean()).isTrue();
  }

  @Test
  void aPodWhoseContainerHasNoNameGetsAWellFormedReview() throws Exception {
    webhook.namespace("nameless", Map.of("rootlock.dev/enforce", "restricted"));
    String review =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
            + "\"uid\":\"n1\",\"operation\":\"CREATE\",\"namespace\":\"nameless\",\"name\":\"p\","
            + "\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
            + "\"resource\":{\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\"},"
            + "\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
            + "\"spec\":{\"containers\":[{\"name\":-1,\"image\":\"nginx\","
            + "\"securityContext\":{\"allowPrivilegeEscalation\":true}}]}}}}";

    // Either the decoder refuses the object (400 in the review) or a check judges it (403);
    // what it must never be is a dropped connection.
    JsonNode response = webhook.review("/validate", review);

    assertThat(response.path("allowed").asBoolean(true)).isFalse();
    assertThat(response.at("/status/code").asInt()).isIn(400, 403, 500);
  }
}
