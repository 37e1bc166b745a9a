package dev.rootlock.kube.audit;

import static dev.rootlock.kube.Objects.controller;
import static dev.rootlock.kube.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.TestApiServer;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kube audit --workload-kind}: a CRD's objects, found through API discovery as kubectl finds
 * them and decoded at the mapped template path, against fabric8's mock API server answering the
 * discovery documents and the list as a kube-apiserver serving such a CRD does.
 */
class CustomKindAuditTest {

  private static final WorkloadKinds WORKFLOWS =
      WorkloadKinds.builtIn()
          .with(List.of(WorkloadKind.parse("Workflow.example.com=spec.runner.template")));

  private static final KubeOptions OPTIONS =
      KubeOptions.defaults()
          .withLevel(Level.BASELINE, PolicyVersion.LATEST)
          .withNamespace("shop")
          .withKinds(WORKFLOWS);

  /** {@code GET /apis/example.com}: v2 preferred, v1 still served. */
  private static final String GROUP =
      """
      {"kind": "APIGroup", "apiVersion": "v1", "name": "example.com",
       "versions": [{"groupVersion": "example.com/v2", "version": "v2"},
                    {"groupVersion": "example.com/v1", "version": "v1"}],
       "preferredVersion": {"groupVersion": "example.com/v2", "version": "v2"}}
      """;

  /** {@code GET /apis/example.com/v2}: the resource and its status subresource. */
  private static final String RESOURCES =
      """
      {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "example.com/v2",
       "resources": [
         {"name": "workflows/status", "singularName": "", "namespaced": true,
          "kind": "Workflow", "verbs": ["get", "patch", "update"]},
         {"name": "workflows", "singularName": "workflow", "namespaced": true,
          "kind": "Workflow", "verbs": ["get", "list", "watch", "create"]}]}
      """;

  /** A CRD's list: custom resources keep their apiVersion and kind in each item. */
  private static final String LIST =
      """
      {"apiVersion": "example.com/v2", "kind": "WorkflowList",
       "metadata": {"resourceVersion": "7", "continue": ""},
       "items": [
         {"apiVersion": "example.com/v2", "kind": "Workflow",
          "metadata": {"name": "nightly", "namespace": "shop", "uid": "wf-1"},
          "spec": {"schedule": "@daily",
                   "runner": {"template": {"spec": {"containers": [
                     {"name": "app", "image": "example/app:1",
                      "securityContext": {"privileged": true}}]}}}}}]}
      """;

  @RegisterExtension final TestApiServer api = new TestApiServer();
  private final KubernetesClient client = api.client();

  private void answer(String path, String json) {
    api.server.expect().get().withPath(path).andReturn(200, json).always();
  }

  private void serveWorkflows() {
    answer("/apis/example.com", GROUP);
    answer("/apis/example.com/v2", RESOURCES);
    answer("/apis/example.com/v2/namespaces/shop/workflows?limit=500", LIST);
  }

  @Test
  void aMappedKindIsListedAtTheServersPreferredVersionAndJudgedAtItsTemplate()
      throws KubeException {
    serveWorkflows();
    client
        .resource(pod("shop", "nightly-x", false, null, controller("Workflow", "nightly", "wf-1")))
        .create();

    KubeAuditReport report = KubeAudit.run(client, OPTIONS, 500);

    assertThat(api.gets)
        .containsSubsequence(
            "/apis/example.com",
            "/apis/example.com/v2",
            "/apis/example.com/v2/namespaces/shop/workflows?limit=500",
            "/api/v1/namespaces/shop/pods?limit=500");
    assertThat(report.rows())
        .extracting(row -> row.owner() + " | " + row.pod() + " | " + String.join(",", row.checks()))
        .containsExactly(
            "workflow/nightly | (template) | privileged", "workflow/nightly | nightly-x | ");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void theScanResultNamesTheObjectByItsResourceAndKeepsTheServedApiVersion() throws KubeException {
    serveWorkflows();

    ScanResult result = KubeAudit.scan(client, OPTIONS, 500);

    assertThat(result.objects()).hasSize(1);
    assertThat(result.objects().get(0).object().displayName()).isEqualTo("workflow/nightly");
    assertThat(result.objects().get(0).object().source().file())
        .isEqualTo("cluster:shop/workflows/nightly");
    assertThat(result.objects().get(0).message())
        .isEqualTo(
            "violates PodSecurity \"baseline:latest\": privileged (container \"app\" must not set"
                + " securityContext.privileged=true)");
  }

  @Test
  void aClusterScopedKindIsListedAtItsClusterPathAsDiscoverySaysEvenWithANamespace()
      throws KubeException {
    answer("/apis/example.com", GROUP);
    answer(
        "/apis/example.com/v2", RESOURCES.replace("\"namespaced\": true", "\"namespaced\": false"));
    answer(
        "/apis/example.com/v2/workflows?limit=500", LIST.replace(", \"namespace\": \"shop\"", ""));

    ScanResult result = KubeAudit.scan(client, OPTIONS, 500);

    assertThat(api.gets)
        .contains("/apis/example.com/v2/workflows?limit=500")
        .doesNotContain("/apis/example.com/v2/namespaces/shop/workflows?limit=500");
    assertThat(result.errors()).isEmpty();
    assertThat(result.objects()).hasSize(1);
    assertThat(result.objects().get(0).object().source().file())
        .isEqualTo("cluster:workflows/nightly");
  }

  @Test
  void aMappedKindTheServerDoesNotServeIsNamedAndThePodsAreStillAudited() throws KubeException {
    client.resource(pod("shop", "web", true, null, null)).create();

    KubeAuditReport report = KubeAudit.run(client, OPTIONS, 500);

    assertThat(report.rows()).extracting(AuditRow::pod).containsExactly("web");
    assertThat(report.unreadable())
        .extracting(Object::toString)
        .containsExactly(
            "all namespaces (Workflow.example.com): the API server serves no kind Workflow in"
                + " group example.com (is its CustomResourceDefinition installed?)");
    assertThat(report.exitCode()).isEqualTo(2);
  }

  @Test
  void builtInCustomKindsAreListedWithWorkloadsOnlyWhereServed() throws KubeException {
    answer(
        "/apis/argoproj.io",
        """
        {"kind": "APIGroup", "apiVersion": "v1", "name": "argoproj.io",
         "versions": [{"groupVersion": "argoproj.io/v1alpha1", "version": "v1alpha1"}],
         "preferredVersion": {"groupVersion": "argoproj.io/v1alpha1", "version": "v1alpha1"}}
        """);
    answer(
        "/apis/argoproj.io/v1alpha1",
        """
        {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": "argoproj.io/v1alpha1",
         "resources": [{"name": "rollouts", "namespaced": true, "kind": "Rollout",
                        "verbs": ["list"]}]}
        """);
    answer(
        "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts?limit=500",
        """
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "RolloutList", "metadata": {},
         "items": [{"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
                    "metadata": {"name": "canary", "namespace": "shop", "uid": "ro-1"},
                    "spec": {"template": {"spec": {"containers": [
                      {"name": "app", "image": "example/app:1"}]}}}}]}
        """);

    KubeAuditReport report =
        KubeAudit.run(
            client,
            KubeOptions.defaults()
                .withLevel(Level.BASELINE, PolicyVersion.LATEST)
                .withNamespace("shop")
                .withIncludeWorkloads(true),
            500);

    assertThat(report.rows())
        .extracting(row -> row.owner() + " | " + row.pod())
        .containsExactly("rollout/canary | (template)");
    assertThat(report.unreadable()).isEmpty();
    assertThat(api.gets)
        .contains("/apis/apps.openshift.io", "/apis/serving.knative.dev")
        .doesNotContain("/apis/apps.openshift.io/v1/namespaces/shop/deploymentconfigs?limit=500");
  }
}
