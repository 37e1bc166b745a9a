package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.config.ConfigReader;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ExemptionRules;
import dev.rootlock.webhook.admission.AdmissionReviews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webhook with a {@code .rootlock.yaml} beside its PSA-shaped config: pods whose findings the
 * exemptions (config or annotation) all cover are admitted under an enforcing hardened namespace,
 * with a {@code rootlock-exempt} audit annotation and a count in {@code /metrics}; a pod they do
 * not cover is denied with PSA's own message.
 */
class WebhookExemptionsTest {

  private static final String CONFIG =
      """
      exemptions:
        - checks: [readOnlyRootFilesystem]
          image: "nginx"
          reason: "nginx writes its cache"
      """;

  private static final ObjectMapper JSON = AdmissionReviews.json();

  @TempDir static Path dir;
  static WebhookHarness webhook;

  @BeforeAll
  static void start() throws Exception {
    Path config = Files.writeString(dir.resolve(".rootlock.yaml"), CONFIG);
    var read = ConfigReader.read(config, Engine.standard().checkIds());
    ExemptionRules rules =
        ExemptionRules.of(read.exemptions(), LocalDate.now(ZoneId.systemDefault()));
    Files.createDirectories(dir.resolve("server"));
    webhook =
        WebhookHarness.start(dir.resolve("server"), null, options -> options.withExemptions(rules));
    webhook.namespace("shop", Map.of("rootlock.dev/enforce", "hardened"));
    webhook.namespace("mutated", Map.of("rootlock.dev/mutate", "true"));
  }

  @AfterAll
  static void stop() {
    webhook.close();
  }

  /** A pod that passes hardened but for the fields {@code edit} changes in its container. */
  private static String review(
      String name, String image, Map<String, String> annotations, String containerSecurity)
      throws Exception {
    String pod =
        """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "%s", "namespace": "shop", "annotations": %s},
         "spec": {"securityContext": {"runAsNonRoot": true, "runAsUser": 1000,
                                      "seccompProfile": {"type": "RuntimeDefault"}},
                  "containers": [{"name": "app", "image": "%s",
                                  "securityContext": %s}]}}
        """
            .formatted(name, JSON.writeValueAsString(annotations), image, containerSecurity);
    ObjectNode review =
        (ObjectNode)
            JSON.readTree(
                """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
         "request": {"uid": "00000000-0000-4000-8000-0000000000a1",
           "kind": {"group": "", "version": "v1", "kind": "Pod"},
           "resource": {"group": "", "version": "v1", "resource": "pods"},
           "name": "%s", "namespace": "shop", "operation": "CREATE",
           "userInfo": {"username": "alice@example.com"}}}
        """
                    .formatted(name));
    ((ObjectNode) review.get("request")).set("object", JSON.readTree(pod));
    return JSON.writeValueAsString(review);
  }

  /** The JSON Patch the mutating webhook answered for a pod in namespace "mutated". */
  private static String patchFor(String name, String image, Map<String, String> annotations)
      throws Exception {
    String review = review(name, image, annotations, WRITABLE).replace("\"shop\"", "\"mutated\"");
    JsonNode response = webhook.review("/mutate", review);
    assertThat(response.path("allowed").asBoolean()).isTrue();
    return new String(
        java.util.Base64.getDecoder().decode(response.path("patch").asText()),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theMutatingWebhookLeavesExemptChecksAsWrittenAsFixDoes() throws Exception {
    String readOnly =
        "{\"op\":\"add\",\"path\":\"/spec/containers/0/securityContext/readOnlyRootFilesystem\","
            + "\"value\":true}";
    assertThat(patchFor("api", "ghcr.io/example/api:1.0", Map.of())).contains(readOnly);
    // Exempt by the config's image rule, and by the container's annotation: the root stays
    // writable, and the annotation naming what was mutated does not claim it.
    String cache = patchFor("cache", "nginx:1.27", Map.of());
    assertThat(cache).doesNotContain("readOnlyRootFilesystem");
    String shipper =
        patchFor(
            "shipper",
            "ghcr.io/example/shipper:1.0",
            Map.of("rootlock.dev/exempt.app", "readOnlyRootFilesystem: buffers logs; SEC-31"));
    assertThat(shipper).doesNotContain("readOnlyRootFilesystem");
  }

  private static final String WRITABLE =
      "{\"allowPrivilegeEscalation\": false, \"capabilities\": {\"drop\": [\"ALL\"]}}";

  @Test
  void exemptPodsAreAdmittedAnnotatedAndCountedOthersDeniedWithPsasMessage() throws Exception {
    JsonNode cache = webhook.review("/validate", review("cache", "nginx:1.27", Map.of(), WRITABLE));
    assertThat(cache.path("allowed").asBoolean()).isTrue();
    assertThat(cache.path("auditAnnotations").path("rootlock-exempt").asText())
        .isEqualTo("readOnlyRootFilesystem: nginx writes its cache");

    JsonNode annotated =
        webhook.review(
            "/validate",
            review(
                "shipper",
                "ghcr.io/example/shipper:1.0",
                Map.of("rootlock.dev/exempt.app", "readOnlyRootFilesystem: buffers logs; SEC-31"),
                WRITABLE));
    assertThat(annotated.path("allowed").asBoolean()).isTrue();
    assertThat(annotated.path("auditAnnotations").path("rootlock-exempt").asText())
        .isEqualTo("readOnlyRootFilesystem: buffers logs; SEC-31");

    JsonNode denied =
        webhook.review("/validate", review("api", "ghcr.io/example/api:1.0", Map.of(), WRITABLE));
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("message").asText())
        .isEqualTo(
            "pods \"api\" is forbidden: violates rootlock policy \"hardened:latest\":"
                + " readOnlyRootFilesystem != true (container \"app\" must set"
                + " securityContext.readOnlyRootFilesystem=true)");
    assertThat(denied.path("auditAnnotations").has("rootlock-exempt")).isFalse();

    String metrics = webhook.get("/metrics").body();
    assertThat(metrics)
        .contains("rootlock_webhook_exemptions_total{kind=\"Pod\",source=\"config\"} 1.0")
        .contains("rootlock_webhook_exemptions_total{kind=\"Pod\",source=\"annotation\"} 1.0");
  }

  @Test
  void theExemptSetIsTheScansForTheSamePods() throws Exception {
    // The same three pods through scan, as manifests, with the same config: the same exempt set.
    Path manifests = dir.resolve("pods");
    Files.createDirectories(manifests);
    Files.copy(dir.resolve(".rootlock.yaml"), manifests.resolve(".rootlock.yaml"));
    StringBuilder yaml = new StringBuilder();
    for (List<String> pod :
        List.of(
            List.of("cache", "nginx:1.27", "{}"),
            List.of(
                "shipper",
                "ghcr.io/example/shipper:1.0",
                "{\"rootlock.dev/exempt.app\": \"readOnlyRootFilesystem: buffers logs; SEC-31\"}"),
            List.of("api", "ghcr.io/example/api:1.0", "{}"))) {
      JsonNode object =
          JSON.readTree(
                  review(
                      pod.get(0),
                      pod.get(1),
                      JSON.readValue(pod.get(2), new TypeReference<Map<String, String>>() {}),
                      WRITABLE))
              .path("request")
              .path("object");
      yaml.append("---\n").append(JSON.writeValueAsString(object)).append('\n');
    }
    Files.writeString(manifests.resolve("pods.yaml"), yaml);
    var rules =
        ExemptionRules.of(
            ConfigReader.read(manifests.resolve(".rootlock.yaml"), Engine.standard().checkIds())
                .exemptions(),
            LocalDate.now(ZoneId.systemDefault()));
    var result =
        Engine.standard()
            .scan(
                new dev.rootlock.engine.ScanRequest(
                    List.of(manifests.resolve("pods.yaml").toString()),
                    dev.rootlock.model.LevelVersion.parse("hardened"),
                    System.in,
                    dev.rootlock.engine.InputType.AUTO,
                    null,
                    false,
                    null,
                    rules));
    assertThat(result.objects())
        .extracting(object -> object.object().name() + " " + object.allowed())
        .containsExactly("cache true", "shipper true", "api false");
  }
}
