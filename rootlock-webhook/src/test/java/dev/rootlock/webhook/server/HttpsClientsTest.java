package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.webhook.admission.AdmissionReviews;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same server through curl, a pod with a thousand containers, and the metrics it counts. */
class HttpsClientsTest {

  @TempDir static Path dir;
  static WebhookHarness webhook;

  @BeforeAll
  static void start() throws Exception {
    webhook = WebhookHarness.start(dir);
    webhook.namespace(
        "rotation", Map.of("rootlock.dev/enforce", "restricted", "rootlock.dev/warn", "hardened"));
    webhook.namespace("hardened-ns", Map.of("rootlock.dev/enforce", "hardened"));
  }

  @AfterAll
  static void stop() {
    webhook.close();
  }

  private static boolean curlInstalled() {
    try {
      Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String curl(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "20"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void curlGetsTheSameReviewOverTls12() throws Exception {
    assumeTrue(curlInstalled(), "curl is not installed; skipping the curl end-to-end test");
    Path review = dir.resolve("review.json");
    Files.writeString(review, CertificateRotationTest.REVIEW);

    String output =
        curl(
            "--cacert",
            webhook.tls.certificateFile().toString(),
            "--tlsv1.2",
            "--tls-max",
            "1.2",
            "--http1.1",
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            "@" + review,
            "--write-out",
            "\n%{http_code}",
            webhook.uri("/validate").toString());

    assertThat(output)
        .isEqualTo(
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{"
                + "\"uid\":\"bench-1\",\"allowed\":true,\"warnings\":[\"would violate rootlock"
                + " policy \\\"hardened:latest\\\": readOnlyRootFilesystem != true (container"
                + " \\\"web\\\" must set securityContext.readOnlyRootFilesystem=true)\"],"
                + "\"auditAnnotations\":{\"enforce-policy\":\"restricted:latest\"}}}\n200");
  }

  @Test
  void curlSeesAClearBadRequest() throws Exception {
    assumeTrue(curlInstalled(), "curl is not installed; skipping the curl end-to-end test");

    String output =
        curl(
            "--cacert",
            webhook.tls.certificateFile().toString(),
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            "{\"kind\":\"AdmissionReview\"",
            "--write-out",
            "%{http_code}",
            webhook.uri("/validate").toString());

    assertThat(output).isEqualTo("unable to decode the request: not valid JSON\n400");
  }

  @Test
  void aPodWithAThousandContainersIsJudgedWhole() throws Exception {
    ObjectNode review =
        (ObjectNode) AdmissionReviews.json().readTree(CertificateRotationTest.REVIEW);
    ObjectNode request = (ObjectNode) review.get("request");
    request.put("namespace", "hardened-ns");
    ObjectNode pod = (ObjectNode) request.get("object");
    ArrayNode containers = ((ObjectNode) pod.get("spec")).putArray("containers");
    for (int i = 0; i < 1000; i++) {
      containers.addObject().put("name", "c" + i).put("image", "busybox:1.36");
    }
    String body = AdmissionReviews.json().writeValueAsString(review);

    JsonNode response = webhook.review("/validate", body);

    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.at("/status/code").asInt()).isEqualTo(403);
    String message = response.at("/status/message").asText();
    assertThat(message)
        .startsWith(
            "pods \"web-7d4b9c8f6d-x2kqp\" is forbidden: violates rootlock policy"
                + " \"hardened:latest\": allowPrivilegeEscalation != false (containers \"c0\","
                + " \"c1\", \"c2\",");
    assertThat(message)
        .contains("\"c998\", \"c999\" must set securityContext.readOnlyRootFilesystem=true)");
  }

  @Test
  void metricsCountReviewsByDecisionModeAndKind() throws Exception {
    webhook.review("/validate", CertificateRotationTest.REVIEW);

    HttpResponse<String> metrics = webhook.get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains(
            "rootlock_webhook_reviews_total{decision=\"allow\",kind=\"Pod\",mode=\"enforce\"}",
            "rootlock_webhook_reviews_total{decision=\"deny\",kind=\"Pod\",mode=\"warn\"}",
            "rootlock_webhook_requests_total{code=\"200\"}",
            "rootlock_webhook_review_duration_seconds_bucket{handler=\"validate\",le=\"0.001\"}",
            "rootlock_webhook_review_duration_seconds_count{handler=\"validate\"}",
            "# TYPE rootlock_webhook_namespace_cache_age_seconds gauge",
            "rootlock_webhook_namespace_cache_watching 1.0");
  }
}
