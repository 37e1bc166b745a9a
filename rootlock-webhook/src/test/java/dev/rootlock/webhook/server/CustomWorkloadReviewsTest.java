package dev.rootlock.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code webhook serve --workload-kind}: a review of a mapped custom kind is judged at its pod
 * template like a Deployment's (warned about and audited, never denied); another kind of the same
 * group, which the generated rules also send, is allowed unjudged. Over HTTPS to a real server.
 */
class CustomWorkloadReviewsTest {

  private static final WorkloadKinds WORKFLOWS =
      WorkloadKinds.builtIn()
          .with(List.of(WorkloadKind.parse("Workflow.example.com=spec.runner.template")));

  private static final String VIOLATION =
      "would violate rootlock policy \"hardened:latest\": readOnlyRootFilesystem != true"
          + " (container \"app\" must set securityContext.readOnlyRootFilesystem=true)";

  @TempDir static Path dir;
  static WebhookHarness mapped;
  static WebhookHarness unmapped;

  @BeforeAll
  static void start() throws Exception {
    mapped = WebhookHarness.start(dir.resolve("mapped"), null, o -> o.withKinds(WORKFLOWS));
    unmapped = WebhookHarness.start(dir.resolve("unmapped"));
    Map<String, String> labels =
        Map.of("rootlock.dev/enforce", "hardened", "rootlock.dev/audit", "hardened");
    mapped.namespace("shop", labels);
    unmapped.namespace("shop", labels);
  }

  @AfterAll
  static void stop() {
    mapped.close();
    unmapped.close();
  }

  /** The response without its uid, which the harness checks. */
  private static String answer(WebhookHarness webhook, String review) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode response =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            webhook.review("/validate", review).deepCopy();
    response.remove("uid");
    return response.toString();
  }

  private static String review(String kind, String resource, String templatePath) {
    String template =
        """
        {"spec": {"securityContext": {"runAsNonRoot": true, "runAsUser": 1000,
                                      "seccompProfile": {"type": "RuntimeDefault"}},
                  "containers": [{"name": "app", "image": "registry.example.com/app:2.1",
                                  "securityContext": {"allowPrivilegeEscalation": false,
                                                      "capabilities": {"drop": ["ALL"]}}}]}}
        """;
    String spec = template;
    String[] path = templatePath.split("\\.", -1);
    for (int i = path.length - 1; i >= 1; i--) {
      spec = "{\"" + path[i] + "\": " + spec + "}";
    }
    return """
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
         "request": {"uid": "00000000-0000-4000-8000-000000000090",
           "kind": {"group": "example.com", "version": "v1", "kind": "%1$s"},
           "resource": {"group": "example.com", "version": "v1", "resource": "%2$s"},
           "name": "nightly", "namespace": "shop", "operation": "CREATE",
           "userInfo": {"username": "alice@example.com"},
           "object": {"apiVersion": "example.com/v1", "kind": "%1$s",
                      "metadata": {"name": "nightly", "namespace": "shop"},
                      "spec": %3$s}}}
        """
        .formatted(kind, resource, spec);
  }

  @Test
  void aMappedKindIsWarnedAboutAndAuditedAtItsTemplate() throws Exception {
    String response = answer(mapped, review("Workflow", "workflows", "spec.runner.template"));

    assertThat(response)
        .isEqualTo(
            "{\"allowed\":true,\"warnings\":[\""
                + VIOLATION.replace("\"", "\\\"")
                + "\"],\"auditAnnotations\":{\"audit-violations\":\""
                + VIOLATION.replace("\"", "\\\"")
                + "\"}}");
  }

  @Test
  void withoutTheMappingTheSameReviewIsAllowedUnjudged() throws Exception {
    String response = answer(unmapped, review("Workflow", "workflows", "spec.runner.template"));

    assertThat(response).isEqualTo("{\"allowed\":true}");
  }

  @Test
  void anotherKindOfTheMappedGroupIsAllowedUnjudgedEvenWhenNamedLikeAKubernetesController()
      throws Exception {
    String response = answer(mapped, review("Job", "jobs", "spec.template"));

    assertThat(response).isEqualTo("{\"allowed\":true}");
  }
}
