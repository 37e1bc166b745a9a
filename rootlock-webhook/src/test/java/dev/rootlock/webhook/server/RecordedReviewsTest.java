package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.webhook.admission.AdmissionReviews;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every AdmissionReview under {@code src/test/resources/reviews/cases} sent over HTTPS to a real
 * server, whose answer must equal the recorded {@code response} exactly (the uid aside, which the
 * harness checks separately). Each case names the namespace's labels in the mock API server, any
 * pods already there, and which server answers: {@code default} (no config), {@code configured}
 * (the config below) or {@code shadowPsa} (no config, {@code --shadow-psa}).
 *
 * <p>To re-record after a deliberate change: {@code -Drootlock.record=true}, then read every diff.
 */
class RecordedReviewsTest {

  static final String CONFIG =
      """
      apiVersion: rootlock.dev/v1alpha1
      kind: PodSecurityConfiguration
      defaults:
        enforce: baseline
        warn: restricted
      exemptions:
        usernames: ["system:serviceaccount:ops:deployer"]
        runtimeClasses: [kata]
        namespaces: [exempt-ns]
      """;

  private static final Path CASES = Path.of("src/test/resources/reviews/cases");
  private static final ObjectMapper JSON = AdmissionReviews.json();

  @TempDir static Path dir;
  static WebhookHarness plain;
  static WebhookHarness configured;
  static WebhookHarness shadowPsa;

  @BeforeAll
  static void start() throws Exception {
    plain = WebhookHarness.start(dir.resolve("default"));
    configured = WebhookHarness.start(dir.resolve("configured"), CONFIG);
    shadowPsa =
        WebhookHarness.start(
            dir.resolve("shadow-psa"), null, options -> options.withShadowPsa(true));
  }

  @AfterAll
  static void stop() {
    plain.close();
    configured.close();
    shadowPsa.close();
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsRecorded(Path file) throws Exception {
    ObjectNode fixture = (ObjectNode) JSON.readTree(file.toFile());
    WebhookHarness webhook =
        switch (fixture.path("server").asText()) {
          case "configured" -> configured;
          case "shadowPsa" -> shadowPsa;
          default -> plain;
        };
    JsonNode namespace = fixture.get("namespace");
    if (namespace != null) {
      String name = namespace.path("name").asText();
      Map<String, String> labels = new LinkedHashMap<>();
      namespace
          .path("labels")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      webhook.namespace(name, labels);
      replacePods(webhook, name, fixture.path("existingPods"));
    }

    JsonNode response =
        webhook.review(
            fixture.path("path").asText(), JSON.writeValueAsString(fixture.get("review")));

    ObjectNode withoutUid = ((ObjectNode) response.deepCopy());
    withoutUid.remove("uid");
    if (Boolean.getBoolean("rootlock.record")) {
      fixture.set("response", withoutUid);
      Files.writeString(
          file,
          JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fixture)
              + "\n");
      return;
    }
    assertThat(withoutUid.toPrettyString())
        .as(fixture.path("about").asText())
        .isEqualTo(fixture.path("response").toPrettyString());
  }

  private static void replacePods(WebhookHarness webhook, String namespace, JsonNode pods) {
    webhook.client.pods().inNamespace(namespace).delete();
    WebhookHarness.await(
        "pods in " + namespace + " to go",
        () -> webhook.client.pods().inNamespace(namespace).list().getItems().isEmpty());
    for (JsonNode pod : pods) {
      webhook
          .client
          .resource(webhook.client.getKubernetesSerialization().convertValue(pod, Pod.class))
          .create();
    }
    List<Pod> listed = webhook.client.pods().inNamespace(namespace).list().getItems();
    assertThat(listed).hasSize(pods.size());
  }
}
