package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.webhook.config.WebhookConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart {@code deploy/helm/rootlock}, rendered by real Helm (helm-java bundles Helm's Go
 * engine): its numbered templates are made from the install files {@code webhook manifests} uses,
 * and what Helm renders from them equals what {@code webhook manifests} prints; every rendered
 * object, at default and non-default values, decodes strictly into fabric8's models and its
 * Deployment passes {@code hardened}.
 *
 * <p>Run with {@code -Drootlock.writeChart=true} to rewrite the generated templates after changing
 * an install file.
 */
class HelmChartTest {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final Path CHART = Path.of("..", "deploy", "helm", "rootlock");

  @SuppressWarnings("InlineFormatString") // named: the header of every generated file
  private static final String GENERATED =
      """
      # Generated from rootlock-webhook/src/main/resources/dev/rootlock/webhook/install/%s by
      # HelmChartTest (-Drootlock.writeChart=true): edit that file, not this one.
      """;

  private static String render(Map<String, Object> values) {
    var template = new Helm(CHART).template().withName("rootlock").withNamespace("rootlock-system");
    values.forEach(template::set);
    return template.call();
  }

  private static Map<String, Object> nonDefaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("replicas", 3);
    values.put("failurePolicy", "Ignore");
    values.put("shadowPsa", true);
    values.put("certManager.enabled", true);
    values.put("image.repository", "registry.example.com/sec/rootlock");
    values.put("image.tag", "0.1.0-rc1");
    values.put("defaults.enforce", "restricted");
    values.put("defaults.warn", "hardened");
    values.put("exemptions.namespaces[0]", "legacy");
    values.put("exemptions.usernames[0]", "system:serviceaccount:ci:deployer");
    return values;
  }

  @Test
  void helmLintStrictPasses() {
    var lint = new Helm(CHART).lint().strict().call();

    assertThat(lint.getMessages())
        .as("helm lint --strict")
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(lint.isFailed()).isFalse();
  }

  @Test
  void theValuesSchemaRefusesWhatWouldMakeABrokenInstall() {
    assertThatThrownBy(() -> render(Map.of("replicas", 1)))
        .hasMessageContaining("replicas")
        .hasMessageContaining("Must be greater than or equal to 2");
    assertThatThrownBy(() -> render(Map.of("failurePolicy", "fail")))
        .hasMessageContaining("failurePolicy");
    assertThatThrownBy(() -> render(Map.of("exemptions.namespace[0]", "x")))
        .hasMessageContaining("namespace");
  }

  @Test
  void theNumberedTemplatesAreMadeFromTheInstallFiles() throws IOException {
    boolean write = Boolean.getBoolean("rootlock.writeChart");
    List<String> expectedFiles = new ArrayList<>();
    for (String file : InstallTemplates.FILES) {
      String helm = InstallTemplates.toHelm(file, InstallTemplates.read(file));
      if (helm.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue; // the Namespace: Helm's --create-namespace makes it
      }
      expectedFiles.add(file);
      String expected = GENERATED.formatted(file) + helm + "\n";
      Path target = CHART.resolve("templates").resolve(file);
      if (write) {
        Files.writeString(target, expected, StandardCharsets.UTF_8);
      }
      assertThat(target).as("regenerate with -Drootlock.writeChart=true").hasContent(expected);
    }
    try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*")))
          .as("no stale generated templates")
          .containsExactlyInAnyOrderElementsOf(expectedFiles);
    }
  }

  @Test
  void helmRendersWhatWebhookManifestsPrints() {
    assertHelmRendersWhatWebhookManifestsPrints(Map.of(), ManifestOptions.defaults());
  }

  @Test
  void helmRendersWhatWebhookManifestsPrintsWithWorkloadKinds() {
    List<String> mappings =
        List.of(
            "Workflow.example.com=spec.runner.template",
            "Pipeline.example.com=spec.template",
            "Job.batch.volcano.sh=spec.template");
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < mappings.size(); i++) {
      values.put("workloadKinds[" + i + "]", mappings.get(i));
    }
    assertHelmRendersWhatWebhookManifestsPrints(
        values,
        ManifestOptions.defaults()
            .withWorkloadKinds(mappings.stream().map(WorkloadKind::parse).toList()));
  }

  @Test
  void theValuesSchemaRefusesAWorkloadKindWebhookServeWouldRefuse() {
    assertThatThrownBy(() -> render(Map.of("workloadKinds[0]", "Workflow=spec.template")))
        .hasMessageContaining("workloadKinds");
  }

  private static void assertHelmRendersWhatWebhookManifestsPrints(
      Map<String, Object> values, ManifestOptions options) {
    List<HasMetadata> helm = StrictObjects.decode(render(values)).objects();
    String caBundle =
        helm.stream()
            .filter(Secret.class::isInstance)
            .map(s -> ((Secret) s).getData().get("ca.crt"))
            .findFirst()
            .orElseThrow();
    List<HasMetadata> manifests =
        StrictObjects.decode(WebhookManifests.render(options.withCaBundle(caBundle))).objects();

    Map<String, String> fromHelm = byKindAndName(helm, "Secret");
    Map<String, String> fromManifests = byKindAndName(manifests, "Namespace");
    assertThat(fromHelm.keySet()).containsExactlyInAnyOrderElementsOf(fromManifests.keySet());
    for (String key : fromHelm.keySet()) {
      assertThat(fromHelm.get(key)).as(key).isEqualTo(fromManifests.get(key));
    }
  }

  /** Every object by kind and name, less one kind the other side does not make. */
  private static Map<String, String> byKindAndName(List<HasMetadata> objects, String without) {
    Map<String, String> map = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      if (!object.getKind().equals(without)) {
        map.put(object.getKind() + "/" + object.getMetadata().getName(), YAML.asYaml(object));
      }
    }
    return map;
  }

  @Test
  void everyObjectDecodesStrictlyAndTheDeploymentIsHardenedAtDefaultAndOtherValues() {
    for (Map<String, Object> values : List.of(Map.<String, Object>of(), nonDefaults())) {
      String yaml = render(values);
      StrictObjects.Decoded decoded = StrictObjects.decode(yaml);

      boolean certManager = values.containsKey("certManager.enabled");
      assertThat(decoded.unmodelled())
          .as("only cert-manager's kinds lack a fabric8 model")
          .containsExactlyInAnyOrderElementsOf(
              certManager
                  ? List.of("cert-manager.io/v1 Issuer", "cert-manager.io/v1 Certificate")
                  : List.of());
      assertThat(decoded.objects())
          .extracting(HasMetadata::getKind)
          .containsExactlyInAnyOrder(
              Stream.concat(
                      Stream.of(
                          "ServiceAccount",
                          "ClusterRole",
                          "ClusterRoleBinding",
                          "ConfigMap",
                          "Service",
                          "Deployment",
                          "PodDisruptionBudget",
                          "ValidatingWebhookConfiguration",
                          "ValidatingWebhookConfiguration",
                          "MutatingWebhookConfiguration"),
                      certManager ? Stream.of() : Stream.of("Secret"))
                  .toArray(String[]::new));

      ReadResult read = new ManifestReader().read("chart.yaml", yaml);
      assertThat(read.errors()).isEmpty();
      assertThat(read.workloads()).extracting(Workload::kind).containsExactly("Deployment");
      ObjectResult result =
          Engine.standard()
              .evaluate(read.workloads().get(0), LevelVersion.parse("hardened:latest"));
      assertThat(result.findings()).as("values %s", values).isEmpty();
      assertThat(result.allowed()).isTrue();
    }
  }

  @Test
  void nonDefaultValuesReachTheObjects() {
    List<HasMetadata> objects = StrictObjects.decode(render(nonDefaults())).objects();
    Deployment deployment = only(objects, Deployment.class);
    ConfigMap config = only(objects, ConfigMap.class);
    ValidatingWebhookConfiguration enforcing =
        objects.stream()
            .filter(
                o ->
                    o instanceof ValidatingWebhookConfiguration
                        && o.getMetadata().getName().equals("rootlock-webhook"))
            .map(ValidatingWebhookConfiguration.class::cast)
            .findFirst()
            .orElseThrow();

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry.example.com/sec/rootlock:0.1.0-rc1");
    assertThat(enforcing.getWebhooks())
        .extracting(w -> w.getName() + " " + w.getFailurePolicy())
        .containsExactly("enforce.rootlock.dev Ignore", "enforce-psa.rootlock.dev Ignore");
    assertThat(
            enforcing
                .getWebhooks()
                .get(0)
                .getNamespaceSelector()
                .getMatchExpressions()
                .get(0)
                .getValues())
        .containsExactly("rootlock-system", "kube-system", "legacy");
    assertThat(enforcing.getMetadata().getAnnotations())
        .containsEntry("cert-manager.io/inject-ca-from", "rootlock-system/rootlock-webhook");
    assertThat(enforcing.getWebhooks().get(0).getClientConfig().getCaBundle()).isNull();

    WebhookConfig parsed = WebhookConfig.parse(config.getData().get("config.yaml"), "config.yaml");
    assertThat(parsed.defaults().enforce().toString()).isEqualTo("restricted:latest");
    assertThat(parsed.defaults().warn().toString()).isEqualTo("hardened:latest");
    assertThat(parsed.exemptions().namespaces()).containsExactly("legacy");
    assertThat(parsed.exemptions().usernames())
        .containsExactly("system:serviceaccount:ci:deployer");
  }

  @Test
  void theGeneratedCertificateServesTheServiceNameAndIsSignedByTheBundledCa() throws Exception {
    List<HasMetadata> objects = StrictObjects.decode(render(Map.of())).objects();
    Secret secret = only(objects, Secret.class);
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    X509Certificate ca = certificate(x509, secret.getData().get("ca.crt"));
    X509Certificate serving = certificate(x509, secret.getData().get("tls.crt"));

    serving.verify(ca.getPublicKey());
    assertThat(
            serving.getSubjectAlternativeNames().stream()
                .map(name -> (Object) name.get(1))
                .toList())
        .contains("rootlock-webhook.rootlock-system.svc");
    for (HasMetadata object : objects) {
      if (object instanceof ValidatingWebhookConfiguration validating) {
        validating
            .getWebhooks()
            .forEach(
                w ->
                    assertThat(w.getClientConfig().getCaBundle())
                        .isEqualTo(secret.getData().get("ca.crt")));
      }
    }
  }

  private static X509Certificate certificate(CertificateFactory x509, String base64)
      throws Exception {
    return (X509Certificate)
        x509.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  private static <T> T only(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
