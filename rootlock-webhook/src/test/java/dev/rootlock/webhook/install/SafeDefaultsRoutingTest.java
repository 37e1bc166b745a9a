package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Where the API server sends each request under the generated webhook configurations: the
 * configurations are decoded strictly into fabric8's models, and their rules and namespaceSelectors
 * are evaluated (with Kubernetes' selector semantics) against the recorded AdmissionReviews'
 * namespace labels, plus the label sets the safe defaults are about. The API server (1.21+) labels
 * every namespace with {@code kubernetes.io/metadata.name}; so does this test.
 */
class SafeDefaultsRoutingTest {

  /** One webhook the API server would call: configuration, webhook, failure policy, timeout. */
  record Route(String configuration, String webhook, String failurePolicy, int timeoutSeconds) {
    @Override
    public String toString() {
      return configuration + "/" + webhook + " " + failurePolicy + " " + timeoutSeconds + "s";
    }
  }

  /** A request as the API server matches it against rules. */
  record Request(
      String group, String version, String resource, String subResource, String operation) {
    static Request pods(String operation) {
      return new Request("", "v1", "pods", "", operation);
    }
  }

  private record Hook(
      String configuration,
      String name,
      String failurePolicy,
      int timeoutSeconds,
      LabelSelector selector,
      List<RuleWithOperations> rules) {}

  private static List<Hook> hooks(ManifestOptions options) {
    List<Hook> hooks = new ArrayList<>();
    for (HasMetadata object : StrictObjects.decode(WebhookManifests.render(options)).objects()) {
      if (object instanceof ValidatingWebhookConfiguration validating) {
        validating
            .getWebhooks()
            .forEach(
                w ->
                    hooks.add(
                        new Hook(
                            "validating:" + validating.getMetadata().getName(),
                            w.getName(),
                            w.getFailurePolicy(),
                            w.getTimeoutSeconds(),
                            w.getNamespaceSelector(),
                            w.getRules())));
      } else if (object instanceof MutatingWebhookConfiguration mutating) {
        mutating
            .getWebhooks()
            .forEach(
                w ->
                    hooks.add(
                        new Hook(
                            "mutating:" + mutating.getMetadata().getName(),
                            w.getName(),
                            w.getFailurePolicy(),
                            w.getTimeoutSeconds(),
                            w.getNamespaceSelector(),
                            w.getRules())));
      }
    }
    return hooks;
  }

  static List<String> routes(ManifestOptions options, Request request, Map<String, String> labels) {
    List<String> routes = new ArrayList<>();
    for (Hook hook : hooks(options)) {
      if (hook.rules().stream().anyMatch(rule -> covers(rule, request))
          && LabelSelectors.matches(hook.selector(), labels)) {
        routes.add(
            new Route(
                    hook.configuration(), hook.name(), hook.failurePolicy(), hook.timeoutSeconds())
                .toString());
      }
    }
    return routes;
  }

  private static boolean covers(RuleWithOperations rule, Request request) {
    String resource =
        request.subResource().isEmpty()
            ? request.resource()
            : request.resource() + "/" + request.subResource();
    return anyOf(rule.getApiGroups(), request.group())
        && anyOf(rule.getApiVersions(), request.version())
        && anyOf(rule.getOperations(), request.operation())
        && (rule.getResources().contains(resource)
            || rule.getResources().contains("*")
            || rule.getResources().contains("*/*"));
  }

  private static boolean anyOf(List<String> listed, String value) {
    return listed.contains(value) || listed.contains("*");
  }

  private static Map<String, String> named(String namespace, Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("kubernetes.io/metadata.name", namespace);
    return all;
  }

  private static final String ENFORCE = "validating:rootlock-webhook/enforce.rootlock.dev Fail 3s";
  private static final String ADVISORY =
      "validating:rootlock-webhook-advisory/advisory.rootlock.dev Ignore 2s";
  private static final String WARN =
      "validating:rootlock-webhook-advisory/warn.rootlock.dev Ignore 2s";
  private static final String AUDIT =
      "validating:rootlock-webhook-advisory/audit.rootlock.dev Ignore 2s";
  private static final String MUTATE = "mutating:rootlock-webhook/mutate.rootlock.dev Fail 3s";
  private static final String ENFORCE_PSA =
      "validating:rootlock-webhook/enforce-psa.rootlock.dev Fail 3s";

  /** Every recorded review, and where the default manifests send it. */
  private static final Map<String, List<String>> RECORDED =
      Map.ofEntries(
          Map.entry("cronjob-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("daemonset-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("deployment-compliant", List.of(ADVISORY)),
          Map.entry("deployment-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("deployment-exempt-user", List.of(ADVISORY)),
          Map.entry("deployment-privileged-namespace", List.of()),
          Map.entry("deployment-scale", List.of()),
          Map.entry("deployment-unknown-namespace", List.of()),
          Map.entry("deployment-update-warned", List.of(ADVISORY)),
          Map.entry("job-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("mutate-keeps-what-was-set", List.of(MUTATE)),
          Map.entry("mutate-needs-a-removal", List.of(MUTATE)),
          Map.entry("mutate-not-opted-in", List.of()),
          Map.entry("mutate-pod-create", List.of(MUTATE)),
          Map.entry("mutate-windows", List.of(MUTATE)),
          Map.entry("namespace-create-exempt", List.of(ENFORCE)),
          Map.entry("namespace-create-invalid", List.of(ENFORCE)),
          Map.entry("namespace-create-valid", List.of(ENFORCE)),
          Map.entry("namespace-update-dry-run-restricted", List.of(ENFORCE)),
          Map.entry("namespace-update-dry-run", List.of(ENFORCE)),
          Map.entry("namespace-update-keeps-old-errors", List.of(ENFORCE)),
          Map.entry("namespace-update-new-errors", List.of(ENFORCE)),
          Map.entry("namespace-update-relaxed", List.of(ENFORCE)),
          Map.entry("pod-create-all-modes", List.of(ENFORCE)),
          Map.entry("pod-create-audit-restricted", List.of(AUDIT)),
          Map.entry("pod-create-baseline-allowed", List.of(ENFORCE)),
          Map.entry("pod-create-config-defaults", List.of()),
          Map.entry("pod-create-enforce-version", List.of(ENFORCE)),
          Map.entry("pod-create-hardened-allowed", List.of(ENFORCE)),
          Map.entry("pod-create-hardened-denied", List.of(ENFORCE)),
          Map.entry("pod-create-invalid-labels", List.of(ENFORCE)),
          Map.entry("pod-create-no-labels", List.of()),
          Map.entry("pod-create-restricted-denied", List.of(ENFORCE)),
          Map.entry("pod-create-unknown-namespace", List.of()),
          Map.entry("pod-create-warn-hardened", List.of(WARN)),
          Map.entry("pod-ephemeralcontainers-debug", List.of(ENFORCE)),
          Map.entry("pod-exec", List.of()),
          Map.entry("pod-exempt-namespace", List.of(ENFORCE)),
          Map.entry("pod-exempt-runtimeclass", List.of(ENFORCE)),
          Map.entry("pod-exempt-user", List.of(ENFORCE)),
          Map.entry("pod-update-image", List.of(ENFORCE)),
          Map.entry("pod-update-labels-only", List.of(ENFORCE)),
          Map.entry("podtemplate-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("replicaset-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("replicationcontroller-create-warned-and-audited", List.of(ADVISORY)),
          Map.entry("replicationcontroller-no-template", List.of(ADVISORY)),
          Map.entry("statefulset-create-warned-and-audited", List.of(ADVISORY)));

  @Test
  void everyRecordedReviewGoesWhereItsNamespaceAsked() throws IOException {
    Map<String, List<String>> actual = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String name : RECORDED.keySet()) {
      JsonNode recorded;
      try (InputStream in = getClass().getResourceAsStream("/reviews/cases/" + name + ".json")) {
        recorded = json.readTree(in);
      }
      JsonNode request = recorded.path("review").path("request");
      Request matched =
          new Request(
              request.path("resource").path("group").asText(),
              request.path("resource").path("version").asText(),
              request.path("resource").path("resource").asText(),
              request.path("subResource").asText(""),
              request.path("operation").asText());
      // A namespace request is matched on the namespace object's own (new) labels.
      JsonNode labelNode =
          matched.resource().equals("namespaces")
              ? request.path("object").path("metadata").path("labels")
              : recorded.path("namespace").path("labels");
      Map<String, String> labels = new HashMap<>();
      labelNode.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      String namespace = recorded.path("namespace").path("name").asText("");
      if (!namespace.isEmpty()) {
        labels.put("kubernetes.io/metadata.name", namespace);
      }
      actual.put(name, routes(ManifestOptions.defaults(), matched, labels));
    }

    assertThat(actual).isEqualTo(new TreeMap<>(RECORDED));
  }

  @Test
  void namespacesThatDidNotOptInAreNeverSent() {
    for (Map<String, String> labels :
        List.of(
            Map.<String, String>of(),
            Map.of("team", "shop"),
            Map.of("rootlock.dev/enforce-version", "v1.30"),
            Map.of("pod-security.kubernetes.io/enforce", "restricted"),
            Map.of("pod-security.kubernetes.io/warn", "restricted"))) {
      assertThat(routes(ManifestOptions.defaults(), Request.pods("CREATE"), named("shop", labels)))
          .as("labels %s", labels)
          .isEmpty();
    }
  }

  @Test
  void eachOptedInNamespaceIsSentOnceWithItsFailurePolicy() {
    Request pod = Request.pods("CREATE");
    ManifestOptions options = ManifestOptions.defaults();

    assertThat(
            routes(
                options,
                pod,
                named(
                    "a",
                    Map.of(
                        "rootlock.dev/enforce",
                        "restricted",
                        "rootlock.dev/warn",
                        "hardened",
                        "rootlock.dev/audit",
                        "hardened"))))
        .containsExactly(ENFORCE);
    assertThat(
            routes(
                options,
                pod,
                named(
                    "b",
                    Map.of("rootlock.dev/warn", "hardened", "rootlock.dev/audit", "hardened"))))
        .containsExactly(WARN);
    assertThat(routes(options, pod, named("c", Map.of("rootlock.dev/audit", "hardened"))))
        .containsExactly(AUDIT);
    assertThat(
            routes(
                options,
                new Request("apps", "v1", "deployments", "", "CREATE"),
                named("b", Map.of("rootlock.dev/warn", "hardened"))))
        .containsExactly(WARN);
    assertThat(
            routes(
                options.withFailurePolicy("Ignore"),
                pod,
                named("a", Map.of("rootlock.dev/enforce", "baseline"))))
        .containsExactly("validating:rootlock-webhook/enforce.rootlock.dev Ignore 3s");
  }

  @Test
  void theWebhooksOwnNamespaceAndKubeSystemAreNeverSentWhateverTheirLabels() {
    Map<String, String> everything =
        Map.of(
            "rootlock.dev/enforce", "hardened",
            "rootlock.dev/warn", "hardened",
            "rootlock.dev/audit", "hardened",
            "rootlock.dev/mutate", "true",
            "pod-security.kubernetes.io/enforce", "restricted");
    ManifestOptions options = ManifestOptions.defaults().withNamespace("guard").withShadowPsa(true);

    for (String namespace : List.of("guard", "kube-system")) {
      assertThat(routes(options, Request.pods("CREATE"), named(namespace, everything))).isEmpty();
      assertThat(
              routes(
                  options,
                  new Request("apps", "v1", "deployments", "", "CREATE"),
                  named(namespace, everything)))
          .isEmpty();
    }
    assertThat(routes(options, Request.pods("CREATE"), named("rootlock-system", everything)))
        .containsExactly(ENFORCE, MUTATE);
  }

  @Test
  void shadowingPsaEnforcesWherePsaEnforcesUnlessRootlockSaysOtherwise() {
    ManifestOptions options = ManifestOptions.defaults().withShadowPsa(true);
    Request pod = Request.pods("CREATE");
    Request deployment = new Request("apps", "v1", "deployments", "", "CREATE");

    assertThat(
            routes(
                options,
                pod,
                named("p", Map.of("pod-security.kubernetes.io/enforce", "restricted"))))
        .containsExactly(ENFORCE_PSA);
    assertThat(
            routes(
                options,
                deployment,
                named("p", Map.of("pod-security.kubernetes.io/enforce", "restricted"))))
        .containsExactly(
            "validating:rootlock-webhook-advisory/advisory-psa.rootlock.dev Ignore 2s");
    assertThat(
            routes(
                options,
                pod,
                named(
                    "p",
                    Map.of(
                        "pod-security.kubernetes.io/enforce",
                        "restricted",
                        "rootlock.dev/warn",
                        "hardened"))))
        .containsExactly(ENFORCE_PSA);
    assertThat(
            routes(
                options,
                pod,
                named(
                    "p",
                    Map.of(
                        "pod-security.kubernetes.io/enforce",
                        "restricted",
                        "rootlock.dev/enforce",
                        "hardened"))))
        .containsExactly(ENFORCE);
    assertThat(
            routes(
                options, pod, named("p", Map.of("pod-security.kubernetes.io/warn", "restricted"))))
        .isEmpty();
  }

  @Test
  void timeoutsStayLow() {
    for (Hook hook : hooks(ManifestOptions.defaults().withShadowPsa(true))) {
      assertThat(hook.timeoutSeconds()).as(hook.name()).isBetween(1, 3);
    }
  }
}
