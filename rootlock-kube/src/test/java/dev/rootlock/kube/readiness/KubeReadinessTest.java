package dev.rootlock.kube.readiness;

import static dev.rootlock.kube.Objects.controller;
import static dev.rootlock.kube.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.Objects;
import dev.rootlock.kube.ReadinessText;
import dev.rootlock.kube.TestApiServer;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link KubeReadiness} against fabric8's mock API server in CRUD mode. */
class KubeReadinessTest {

  @RegisterExtension final TestApiServer api = new TestApiServer();
  private final KubernetesClient client = api.client();

  private void create(HasMetadata... objects) {
    for (HasMetadata object : objects) {
      client.resource(object).create();
    }
  }

  @Test
  void reportsLabelsTheApiServersWarningsAndTheRolloutPerNamespace() throws KubeException {
    create(
        Objects.namespace(
            "shop",
            Map.of(
                "pod-security.kubernetes.io/warn", "baseline",
                "rootlock.dev/audit", "hardened",
                "team", "web")),
        Objects.namespace(
            "quiet",
            Map.of(
                "pod-security.kubernetes.io/warn", "baseline",
                "pod-security.kubernetes.io/audit", "baseline",
                "pod-security.kubernetes.io/audit-version", "latest",
                "pod-security.kubernetes.io/enforce", "baseline",
                "pod-security.kubernetes.io/enforce-version", "latest")),
        pod("shop", "web-b", true, null, controller("ReplicaSet", "web", "uid-web")),
        pod("shop", "web-a", true, null, controller("ReplicaSet", "web", "uid-web")),
        pod("shop", "debug", true, null, null),
        pod("shop", "api", false, null, null),
        pod("quiet", "batch", false, null, null));
    KubeOptions options =
        KubeOptions.defaults().withAllNamespaces().withLevel(Level.BASELINE, PolicyVersion.LATEST);

    ReadinessReport report = KubeReadiness.run(client, options, 2);

    assertThat(api.listsOf("/api/v1/namespaces/shop/pods"))
        .containsExactly(
            "/api/v1/namespaces/shop/pods?limit=2",
            "/api/v1/namespaces/shop/pods?limit=2&continue=3%3A2");
    assertThat(ReadinessText.render(report))
        .isEqualTo(
            """
            namespace quiet
              labels:
                pod-security.kubernetes.io/audit=baseline
                pod-security.kubernetes.io/audit-version=latest
                pod-security.kubernetes.io/enforce=baseline
                pod-security.kubernetes.io/enforce-version=latest
                pod-security.kubernetes.io/warn=baseline
              enforce baseline:latest: rejects none of 1 pod
              rollout: done, enforce is already baseline:latest

            namespace shop
              labels:
                pod-security.kubernetes.io/warn=baseline
                rootlock.dev/audit=hardened
              enforce baseline:latest: rejects 3 of 4 pods; labelling it now prints:
                Warning: existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"
                Warning: debug (and 2 other pods): privileged
              rollout (warn, then audit, then enforce once nothing is rejected):
                kubectl label --overwrite namespace shop pod-security.kubernetes.io/audit=baseline pod-security.kubernetes.io/audit-version=latest
                kubectl label --overwrite namespace shop pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=latest

            baseline:latest: 1 of 2 namespaces are ready to enforce
            """);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void tellsTheProgressPortOfEveryPageItListsInOrder() throws KubeException {
    create(
        Objects.namespace("shop", Map.of()),
        Objects.namespace("lab", Map.of()),
        Objects.namespace("quiet", Map.of()),
        pod("shop", "web-a", true, null, null),
        pod("shop", "web-b", false, null, null),
        pod("shop", "web-c", false, null, null),
        pod("lab", "probe", true, null, null));
    KubeOptions options =
        KubeOptions.defaults().withAllNamespaces().withLevel(Level.BASELINE, PolicyVersion.LATEST);
    java.util.List<String> pages = new java.util.ArrayList<>();

    KubeReadiness.run(
        client,
        options,
        2,
        (resource, namespace, objects) -> pages.add(resource + " " + namespace + " " + objects));

    // Namespaces cluster-wide (3 in pages of 2), then each namespace's pods, in name order.
    assertThat(pages)
        .containsExactly(
            "namespaces null 2",
            "namespaces null 1",
            "pods lab 1",
            "pods quiet 0",
            "pods shop 2",
            "pods shop 1");
  }

  @Test
  void podsRejectedOnlyForExemptFindingsAreCountedApart() throws KubeException {
    io.fabric8.kubernetes.api.model.Pod annotated = pod("shop", "db", true, null, null);
    annotated
        .getMetadata()
        .setAnnotations(Map.of("rootlock.dev/exempt.app", "privileged: vendor chart"));
    create(
        Objects.namespace("shop", Map.of()),
        Objects.namespace("lab", Map.of()),
        annotated,
        pod("shop", "web", true, null, null),
        pod("shop", "api", false, null, null),
        pod("lab", "probe", true, null, null));
    dev.rootlock.policy.exempt.Exemption byName =
        new dev.rootlock.policy.exempt.Exemption(
            java.util.Set.of("privileged"),
            new dev.rootlock.policy.exempt.Scope(
                dev.rootlock.policy.exempt.Glob.parse("lab"),
                null,
                dev.rootlock.policy.exempt.Glob.parse("probe"),
                null,
                null),
            "node probe",
            null,
            ".rootlock.yaml:2:5");
    KubeOptions options =
        KubeOptions.defaults()
            .withAllNamespaces()
            .withLevel(Level.BASELINE, PolicyVersion.LATEST)
            .withExemptions(
                dev.rootlock.engine.ExemptionRules.of(
                    java.util.List.of(byName), java.time.LocalDate.of(2026, 12, 7)));

    ReadinessReport report = KubeReadiness.run(client, options, 500);

    assertThat(ReadinessText.render(report))
        .isEqualTo(
            """
            namespace lab
              labels: none
              enforce baseline:latest: rejects none of 1 pod (and 1 exempt); labelling it now prints:
                Warning: existing pods in namespace "lab" violate the new PodSecurity enforce level "baseline:latest"
                Warning: probe: privileged
              exempt: 1 pod fails only checks that exemptions cover; not counted as rejected
              rollout (warn, then audit, then enforce once nothing is rejected):
                kubectl label --overwrite namespace lab pod-security.kubernetes.io/warn=baseline pod-security.kubernetes.io/warn-version=latest
                kubectl label --overwrite namespace lab pod-security.kubernetes.io/audit=baseline pod-security.kubernetes.io/audit-version=latest
                kubectl label --overwrite namespace lab pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=latest

            namespace shop
              labels: none
              enforce baseline:latest: rejects 1 of 3 pods (and 1 exempt); labelling it now prints:
                Warning: existing pods in namespace "shop" violate the new PodSecurity enforce level "baseline:latest"
                Warning: db (and 1 other pod): privileged
              exempt: 1 pod fails only checks that exemptions cover; not counted as rejected
              rollout (warn, then audit, then enforce once nothing is rejected):
                kubectl label --overwrite namespace shop pod-security.kubernetes.io/warn=baseline pod-security.kubernetes.io/warn-version=latest
                kubectl label --overwrite namespace shop pod-security.kubernetes.io/audit=baseline pod-security.kubernetes.io/audit-version=latest
                kubectl label --overwrite namespace shop pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=latest

            baseline:latest: 1 of 2 namespaces are ready to enforce
            """);
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.namespaces())
        .extracting(NamespaceReadiness::rejected, NamespaceReadiness::exempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(1, 1));

    ReadinessReport off =
        KubeReadiness.run(
            client, options.withExemptions(dev.rootlock.engine.ExemptionRules.OFF), 500);
    assertThat(off.namespaces())
        .extracting(NamespaceReadiness::rejected, NamespaceReadiness::exempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(2, 0));
  }

  @Test
  void hardenedUsesRootlockLabelsAndNamesTheContext() throws KubeException {
    create(Objects.namespace("shop", Map.of()), pod("shop", "web", false, true, null));
    KubeOptions options =
        KubeOptions.defaults()
            .withNamespace("shop")
            .withContext("prod", java.nio.file.Path.of("/etc/kube/prod.yaml"))
            .withLevel(Level.HARDENED, PolicyVersion.v1(35));

    NamespaceReadiness shop = KubeReadiness.run(client, options, 500).namespaces().get(0);

    assertThat(shop.rollout())
        .containsExactly(
            "kubectl --kubeconfig /etc/kube/prod.yaml --context prod label --overwrite namespace"
                + " shop rootlock.dev/warn=hardened rootlock.dev/warn-version=v1.35",
            "kubectl --kubeconfig /etc/kube/prod.yaml --context prod label --overwrite namespace"
                + " shop rootlock.dev/audit=hardened rootlock.dev/audit-version=v1.35",
            "kubectl --kubeconfig /etc/kube/prod.yaml --context prod label --overwrite namespace"
                + " shop rootlock.dev/enforce=hardened rootlock.dev/enforce-version=v1.35");
  }

  @Test
  void aMissingNamespaceIsNamed() {
    KubeOptions options = KubeOptions.defaults().withNamespace("nope");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> KubeReadiness.run(client, options, 500))
        .isInstanceOf(KubeException.class)
        .hasMessage("namespaces \"nope\" not found");
  }

  @Test
  void aNamespaceWhosePodsAreForbiddenIsNamedNotGuessed() throws KubeException {
    create(
        Objects.namespace("open", Map.of()),
        Objects.namespace("secret", Map.of()),
        pod("open", "web", false, null, null));
    api.server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/secret/pods?limit=500")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("pods is forbidden: secret")
                .build())
        .always();

    ReadinessReport report =
        KubeReadiness.run(
            client,
            KubeOptions.defaults()
                .withAllNamespaces()
                .withLevel(Level.BASELINE, PolicyVersion.LATEST),
            500);

    assertThat(report.namespaces())
        .extracting(NamespaceReadiness::namespace)
        .containsExactly("open");
    assertThat(report.unreadable())
        .containsExactly(new Unreadable("secret", "pods", "pods is forbidden: secret"));
    assertThat(report.exitCode()).isEqualTo(2);
  }
}
