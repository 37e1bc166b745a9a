package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.webhook.config.WebhookConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class WebhookManifestsTest {

  private static List<Map<String, Object>> documents(String yaml) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) document;
      documents.add(map);
    }
    return documents;
  }

  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // a cast for the caller
  private static <T> T at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      current =
          step instanceof Integer index
              ? ((List<Object>) current).get(index)
              : ((Map<String, Object>) current).get(step);
    }
    return (T) current;
  }

  private static Map<String, Object> ofKind(List<Map<String, Object>> documents, String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
  }

  @Test
  void theDeploymentPassesHardenedThroughTheEngine() {
    String yaml = WebhookManifests.render(ManifestOptions.defaults());

    ReadResult read = new ManifestReader().read("webhook.yaml", yaml);
    assertThat(read.errors()).isEmpty();
    assertThat(read.workloads()).extracting(Workload::kind).containsExactly("Deployment");

    ObjectResult result =
        Engine.standard().evaluate(read.workloads().get(0), LevelVersion.parse("hardened:latest"));

    assertThat(result.message()).isEmpty();
    assertThat(result.findings()).isEmpty();
    assertThat(result.allowed()).isTrue();
  }

  @Test
  void installsEverythingInOrder() {
    List<Map<String, Object>> documents =
        documents(WebhookManifests.render(ManifestOptions.defaults()));

    assertThat(documents)
        .extracting(d -> d.get("kind"))
        .containsExactly(
            "Namespace",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "ConfigMap",
            "Service",
            "Deployment",
            "PodDisruptionBudget",
            "ValidatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration");
    assertThat(documents)
        .filteredOn(
            d ->
                List.of(
                        "ServiceAccount",
                        "ConfigMap",
                        "Service",
                        "Deployment",
                        "PodDisruptionBudget")
                    .contains(d.get("kind")))
        .allMatch(d -> "rootlock-system".equals(at(d, "metadata", "namespace")));
  }

  @Test
  void rbacListsAndWatchesNamespacesAndListsPodsOnly() {
    Map<String, Object> role =
        ofKind(documents(WebhookManifests.render(ManifestOptions.defaults())), "ClusterRole");

    assertThat(role.get("rules").toString())
        .isEqualTo(
            "[{apiGroups=[], resources=[namespaces], verbs=[list, watch]},"
                + " {apiGroups=[], resources=[pods], verbs=[list]}]");
  }

  @Test
  void runsTwoReplicasProtectedByADisruptionBudget() {
    List<Map<String, Object>> documents =
        documents(WebhookManifests.render(ManifestOptions.defaults().withReplicas(3)));

    assertThat((Integer) at(ofKind(documents, "Deployment"), "spec", "replicas")).isEqualTo(3);
    assertThat((Integer) at(ofKind(documents, "PodDisruptionBudget"), "spec", "minAvailable"))
        .isEqualTo(1);
    assertThatThrownBy(() -> ManifestOptions.defaults().withReplicas(1))
        .hasMessageStartingWith("replicas must be at least 2");
  }

  @Test
  void everyWebhookSkipsItsOwnNamespaceAndKubeSystem() {
    List<Map<String, Object>> documents =
        documents(
            WebhookManifests.render(
                ManifestOptions.defaults().withNamespace("guard").withShadowPsa(true)));
    List<Map<String, Object>> webhooks = new ArrayList<>();
    for (Map<String, Object> document : documents) {
      if (String.valueOf(document.get("kind")).endsWith("WebhookConfiguration")) {
        webhooks.addAll(at(document, "webhooks"));
      }
    }

    assertThat(webhooks)
        .extracting(w -> w.get("name"))
        .containsExactly(
            "enforce.rootlock.dev",
            "enforce-psa.rootlock.dev",
            "advisory.rootlock.dev",
            "advisory-psa.rootlock.dev",
            "warn.rootlock.dev",
            "audit.rootlock.dev",
            "mutate.rootlock.dev");
    for (Map<String, Object> webhook : webhooks) {
      assertThat(at(webhook, "namespaceSelector", "matchExpressions", 0).toString())
          .isEqualTo(
              "{key=kubernetes.io/metadata.name, operator=NotIn, values=[guard, kube-system]}");
      assertThat((String) at(webhook, "clientConfig", "service", "namespace")).isEqualTo("guard");
    }
    assertThat((String) at(webhooks.get(6), "clientConfig", "service", "path"))
        .isEqualTo("/mutate");
    assertThat(at(webhooks.get(6), "namespaceSelector", "matchExpressions", 1).toString())
        .isEqualTo("{key=rootlock.dev/mutate, operator=In, values=[true]}");
  }

  @Test
  void theConfigMapHoldsAConfigTheWebhookAccepts() {
    Map<String, Object> configMap =
        ofKind(documents(WebhookManifests.render(ManifestOptions.defaults())), "ConfigMap");

    WebhookConfig config = WebhookConfig.parse(at(configMap, "data", "config.yaml"), "config.yaml");

    assertThat(config).isEqualTo(WebhookConfig.DEFAULT);
  }

  @Test
  void theDefaultImageIsTheOneScriptsImageTags() {
    String version = System.getProperty("rootlock.projectVersion");
    assertThat(version).as("surefire passes the project version").isNotBlank();

    assertThat(ManifestOptions.DEFAULT_IMAGE).isEqualTo("rootlock/rootlock:" + version);
  }

  @Test
  void certManagerIssuesTheCertificateAndInjectsTheCa() {
    List<Map<String, Object>> documents =
        documents(WebhookManifests.render(ManifestOptions.defaults().withCertManager(true)));

    assertThat(documents).extracting(d -> d.get("kind")).contains("Issuer", "Certificate");
    Map<String, Object> certificate = ofKind(documents, "Certificate");
    assertThat(at(certificate, "spec", "dnsNames").toString())
        .isEqualTo(
            "[rootlock-webhook.rootlock-system.svc, rootlock-webhook.rootlock-system.svc.cluster.local]");
    assertThat((String) at(certificate, "spec", "secretName")).isEqualTo("rootlock-webhook-tls");
    for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
      Map<String, Object> configuration = ofKind(documents, kind);
      assertThat(
              (String)
                  at(configuration, "metadata", "annotations", "cert-manager.io/inject-ca-from"))
          .isEqualTo("rootlock-system/rootlock-webhook");
      assertThat(
              WebhookManifestsTest.<Object>at(
                  configuration, "webhooks", 0, "clientConfig", "caBundle"))
          .isNull();
    }
  }

  @Test
  void withoutCertManagerTheCaBundleIsGivenOrLeftToFillIn() {
    Map<String, Object> given =
        ofKind(
            documents(WebhookManifests.render(ManifestOptions.defaults().withCaBundle("TFMwdEx="))),
            "ValidatingWebhookConfiguration");
    Map<String, Object> placeholder =
        ofKind(
            documents(WebhookManifests.render(ManifestOptions.defaults())),
            "MutatingWebhookConfiguration");

    assertThat((String) at(given, "webhooks", 0, "clientConfig", "caBundle")).isEqualTo("TFMwdEx=");
    assertThat((String) at(placeholder, "webhooks", 0, "clientConfig", "caBundle"))
        .isEqualTo("REPLACE-WITH-BASE64-PEM-CA");
  }

  @Test
  void refusesOptionsThatWouldMakeBrokenManifests() {
    assertThatThrownBy(() -> ManifestOptions.defaults().withNamespace("Rootlock"))
        .hasMessage(
            "--namespace must be a valid namespace name (lower-case letters, digits and '-'), got"
                + " \"Rootlock\"");
    assertThatThrownBy(() -> ManifestOptions.defaults().withNamespace("kube-system"))
        .hasMessageStartingWith("--namespace kube-system");
    assertThatThrownBy(() -> ManifestOptions.defaults().withFailurePolicy("fail"))
        .hasMessage("--failure-policy must be Fail or Ignore, got \"fail\"");
    assertThatThrownBy(() -> ManifestOptions.defaults().withImage("x\"y"))
        .hasMessage("not an image reference: \"x\"y\"");
  }

  @Test
  void workloadKindsAreHandedToServeAndTheirGroupsSentToTheAdvisoryWebhooksOnly() {
    List<Map<String, Object>> documents =
        documents(
            WebhookManifests.render(
                ManifestOptions.defaults()
                    .withWorkloadKinds(
                        List.of(
                            WorkloadKind.parse("Workflow.example.com=spec.runner.template"),
                            WorkloadKind.parse("Pipeline.example.com=spec.template")))));

    List<Object> args =
        at(ofKind(documents, "Deployment"), "spec", "template", "spec", "containers", 0, "args");
    assertThat(args.subList(args.size() - 3, args.size()))
        .containsExactly(
            "--secure-port=8443",
            "--workload-kind=Workflow.example.com=spec.runner.template",
            "--workload-kind=Pipeline.example.com=spec.template");
    Map<String, List<Object>> lastRuleByWebhook = new java.util.LinkedHashMap<>();
    for (Map<String, Object> document : documents) {
      if (!"ValidatingWebhookConfiguration".equals(document.get("kind"))) {
        continue;
      }
      List<Map<String, Object>> webhooks = at(document, "webhooks");
      for (Map<String, Object> webhook : webhooks) {
        List<Map<String, Object>> rules = at(webhook, "rules");
        Map<String, Object> last = rules.get(rules.size() - 1);
        lastRuleByWebhook.put(
            (String) webhook.get("name"),
            List.of(last.get("apiGroups"), last.get("apiVersions"), last.get("resources")));
      }
    }
    List<Object> custom = List.of(List.of("example.com"), List.of("*"), List.of("*"));
    assertThat(lastRuleByWebhook)
        .containsExactly(
            Map.entry(
                "enforce.rootlock.dev",
                List.of(
                    List.of(""),
                    List.of("v1"),
                    List.of("pods", "pods/ephemeralcontainers", "namespaces"))),
            Map.entry("advisory.rootlock.dev", custom),
            Map.entry("warn.rootlock.dev", custom),
            Map.entry("audit.rootlock.dev", custom));
  }

  @Test
  void withoutWorkloadKindsNoLineIsAdded() {
    String plain = WebhookManifests.render(ManifestOptions.defaults());

    assertThat(plain).doesNotContain("workload-kind").doesNotContain("\"*\"");
  }
}
