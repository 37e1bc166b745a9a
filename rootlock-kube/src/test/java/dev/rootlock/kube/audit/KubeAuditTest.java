package dev.rootlock.kube.audit;

import static dev.rootlock.kube.Objects.controller;
import static dev.rootlock.kube.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.kube.KubeAuditTable;
import dev.rootlock.kube.Objects;
import dev.rootlock.kube.TestApiServer;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.ScanResult;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link KubeAudit} against fabric8's mock API server in CRUD mode. */
class KubeAuditTest {

  private static final KubeOptions BASELINE =
      KubeOptions.defaults().withLevel(Level.BASELINE, PolicyVersion.LATEST);

  @RegisterExtension final TestApiServer api = new TestApiServer();
  private final KubernetesClient client = api.client();

  private void create(Object... objects) {
    for (Object object : objects) {
      client.resource((io.fabric8.kubernetes.api.model.HasMetadata) object).create();
    }
  }

  @Test
  void progressIsToldOfEachPageBeforeItsObjectsAreAudited() throws KubeException {
    create(
        pod("alpha", "a1", false, true, null),
        pod("alpha", "a2", true, null, null),
        pod("beta", "b1", false, null, null),
        pod("beta", "b2", false, true, null),
        pod("gamma", "g1", true, true, null));
    List<String> told = new java.util.ArrayList<>();

    KubeAudit.run(
        client,
        BASELINE.withAllNamespaces(),
        2,
        (resource, namespace, objects) -> told.add(resource + " " + namespace + " " + objects));

    assertThat(told).containsExactly("pods null 2", "pods null 2", "pods null 1");
  }

  @Test
  void aNamespacedListIsToldWithItsNamespace() throws KubeException {
    create(pod("alpha", "a1", false, true, null));
    List<String> told = new java.util.ArrayList<>();

    KubeAudit.run(
        client,
        BASELINE.withNamespace("alpha"),
        500,
        (resource, namespace, objects) -> told.add(resource + " " + namespace + " " + objects));

    assertThat(told).containsExactly("pods alpha 1");
  }

  @Test
  void listsAllNamespacesInPagesAndAuditsEveryPod() throws KubeException {
    create(
        pod("alpha", "a1", false, true, null),
        pod("alpha", "a2", true, null, null),
        pod("alpha", "a3", false, false, null),
        pod("beta", "b1", false, null, null),
        pod("beta", "b2", false, true, null),
        pod("gamma", "g1", true, true, null),
        pod("gamma", "g2", false, null, null));

    KubeAuditReport report = KubeAudit.run(client, BASELINE.withAllNamespaces(), 3);

    assertThat(api.listsOf("/api/v1/pods"))
        .containsExactly(
            "/api/v1/pods?limit=3",
            "/api/v1/pods?limit=3&continue=1%3A3",
            "/api/v1/pods?limit=3&continue=1%3A6");
    assertThat(api.gets).noneMatch(path -> path.contains("watch"));
    assertThat(report.rows())
        .extracting(AuditRow::pod)
        .containsExactly("a1", "a2", "a3", "b1", "b2", "g1", "g2");
    assertThat(report.rows())
        .extracting(AuditRow::readOnly)
        .containsExactly(
            "true",
            "unset (writable)",
            "false",
            "unset (writable)",
            "true",
            "true",
            "unset (writable)");
    assertThat(report.namespaces())
        .containsExactly(
            new NamespaceSummary("alpha", 3, 1, 3, 1),
            new NamespaceSummary("beta", 2, 0, 2, 1),
            new NamespaceSummary("gamma", 2, 1, 2, 1));
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void rendersOneRowPerContainerAndASummaryPerNamespace() throws KubeException {
    create(pod("shop", "web", true, null, null), pod("shop", "cache", false, true, null));

    KubeAuditReport report = KubeAudit.run(client, BASELINE.withNamespace("shop"), 500);

    assertThat(KubeAuditTable.render(report, false))
        .isEqualTo(
            """
            NAMESPACE   OWNER   POD     CONTAINER   READONLY           CHECKS
            shop        -       cache   app         true               -
            shop        -       web     app         unset (writable)   privileged

            NAMESPACE   OBJECTS   VIOLATING   CONTAINERS   READONLY
            shop        2         1           2            1
            baseline:latest: 1 of 2 objects violate, in 1 of 1 namespace
            """);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void anEmptyNamespaceSaysSoLikeKubectl() throws KubeException {
    KubeAuditReport report = KubeAudit.run(client, BASELINE.withNamespace("empty"), 500);

    assertThat(KubeAuditTable.render(report, false))
        .isEqualTo(
            "No resources found.\nbaseline:latest: 0 of 0 objects violate, in 0 of 0 namespaces\n");
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void wideAddsUserPrivilegeEscalationCapabilitiesSeccompAndWritableMounts() throws KubeException {
    client
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .withNewSecurityContext()
                .withRunAsUser(1000L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("app")
                .withImage("api:1")
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .withAdd("NET_BIND_SERVICE")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("config")
                .withMountPath("/etc/api")
                .withReadOnly(true)
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .withMedium("Memory")
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName("api")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build())
        .create();

    KubeAuditReport report = KubeAudit.run(client, BASELINE.withNamespace("shop"), 500);

    assertThat(KubeAuditTable.render(report, true).lines().limit(2))
        .containsExactly(
            "NAMESPACE   OWNER   POD   CONTAINER   READONLY   CHECKS   USER   PRIVESC   CAPS       "
                + "                     SECCOMP          WRITABLE MOUNTS",
            "shop        -       api   app         true       -        1000   false     drop=ALL"
                + " add=NET_BIND_SERVICE   RuntimeDefault   /tmp");
  }

  @Test
  void groupsPodsUnderTheTopmostListedController() throws KubeException {
    Deployment deployment = client.resource(Objects.deployment("shop", "web", false)).create();
    ReplicaSet replicaSet =
        client
            .resource(
                Objects.replicaSet(
                    "shop",
                    "web-7d9",
                    false,
                    controller("Deployment", "web", deployment.getMetadata().getUid())))
            .create();
    var byReplicaSet = controller("ReplicaSet", "web-7d9", replicaSet.getMetadata().getUid());
    create(
        pod("shop", "web-7d9-b", true, null, byReplicaSet),
        pod("shop", "web-7d9-a", false, null, byReplicaSet),
        pod("shop", "debug", false, null, null),
        pod("shop", "job-x", false, null, controller("Job", "nightly", "uid-unlisted")));

    KubeAuditReport report =
        KubeAudit.run(client, BASELINE.withNamespace("shop").withIncludeWorkloads(true), 500);

    assertThat(report.rows())
        .extracting(row -> row.owner() + " | " + row.pod() + " | " + String.join(",", row.checks()))
        .containsExactly(
            "deployment/web | (template) | ",
            "deployment/web | replicaset/web-7d9 (template) | ",
            "deployment/web | web-7d9-a | ",
            "deployment/web | web-7d9-b | privileged",
            "job/nightly | job-x | ",
            "- | debug | ");
    assertThat(report.namespaces()).containsExactly(new NamespaceSummary("shop", 6, 1, 6, 0));
    assertThat(api.gets)
        .containsSubsequence(
            "/apis/apps/v1/namespaces/shop/deployments?limit=500",
            "/apis/apps/v1/namespaces/shop/statefulsets?limit=500",
            "/apis/apps/v1/namespaces/shop/daemonsets?limit=500",
            "/apis/apps/v1/namespaces/shop/replicasets?limit=500",
            "/api/v1/namespaces/shop/replicationcontrollers?limit=500",
            "/apis/batch/v1/namespaces/shop/cronjobs?limit=500",
            "/apis/batch/v1/namespaces/shop/jobs?limit=500",
            "/api/v1/namespaces/shop/podtemplates?limit=500",
            "/api/v1/namespaces/shop/pods?limit=500");
  }

  @Test
  void withoutWorkloadsTheOwnerIsThePodsOwnController() throws KubeException {
    create(pod("shop", "web-7d9-a", false, null, controller("ReplicaSet", "web-7d9", "uid-rs")));

    KubeAuditReport report = KubeAudit.run(client, BASELINE.withNamespace("shop"), 500);

    assertThat(report.rows()).extracting(AuditRow::owner).containsExactly("replicaset/web-7d9");
    assertThat(api.listsOf("/apis/apps/v1/namespaces/shop/deployments")).isEmpty();
  }

  @Test
  void auditsTheNamespacesItMayReadAndNamesTheOnesItMayNot() throws KubeException {
    create(
        Objects.namespace("open", Map.of()),
        Objects.namespace("secret", Map.of()),
        pod("open", "web", false, null, null),
        pod("secret", "vault", true, null, null));
    forbid(
        "/api/v1/pods?limit=500",
        "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" at the"
            + " cluster scope");
    forbid(
        "/api/v1/namespaces/secret/pods?limit=500",
        "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in the"
            + " namespace \"secret\"");

    KubeAuditReport report = KubeAudit.run(client, BASELINE.withAllNamespaces(), 500);

    assertThat(report.rows()).extracting(AuditRow::pod).containsExactly("web");
    assertThat(report.unreadable())
        .containsExactly(
            new Unreadable(
                "secret",
                "pods",
                "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in"
                    + " the namespace \"secret\""));
    assertThat(KubeAuditTable.render(report, false))
        .endsWith(
            "baseline:latest: 0 of 1 object violates, in 0 of 1 namespace\n"
                + "could not read namespace \"secret\" (pods): pods is forbidden: User \"dev\""
                + " cannot list resource \"pods\" in API group \"\" in the namespace \"secret\"\n");
    assertThat(report.exitCode()).isEqualTo(2);
  }

  @Test
  void aForbiddenClusterWideListWithForbiddenNamespacesTooIsOneClearError() {
    forbid(
        "/api/v1/pods?limit=500",
        "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" at the"
            + " cluster scope");
    forbid(
        "/api/v1/namespaces?limit=500",
        "namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\" in API group"
            + " \"\" at the cluster scope");

    assertThatThrownBy(() -> KubeAudit.run(client, BASELINE.withAllNamespaces(), 500))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" at the"
                + " cluster scope; listing namespaces is forbidden too, so pass -n NAMESPACE");
  }

  @Test
  void aServerErrorStopsTheAuditWithOneLine() {
    api.server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods?limit=500")
        .andReturn(
            500,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(500)
                .withReason("InternalError")
                .withMessage("Internal error occurred: etcdserver: request timed out")
                .build())
        .always();

    assertThatThrownBy(() -> KubeAudit.run(client, BASELINE.withNamespace("shop"), 500))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "the API server at "
                + client.getMasterUrl()
                + " answered GET /api/v1/namespaces/shop/pods?limit=500"
                + " with 500: Internal error occurred: etcdserver: request timed out");
  }

  @Test
  void aServerErrorOnALaterPageStopsTheAuditToo() {
    create(
        pod("shop", "a", false, null, null),
        pod("shop", "b", false, null, null),
        pod("shop", "c", false, null, null));
    api.server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods?limit=2&continue=1%3A2")
        .andReturn(
            500, new StatusBuilder().withCode(500).withMessage("etcd leader changed").build())
        .always();

    assertThatThrownBy(() -> KubeAudit.run(client, BASELINE.withNamespace("shop"), 2))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "the API server at "
                + client.getMasterUrl()
                + " answered GET /api/v1/namespaces/shop/pods?limit=2&continue=1%3A2 with 500: etcd"
                + " leader changed");
  }

  @Test
  void rejectedCredentialsSayWhatToDo() {
    api.server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods?limit=500")
        .andReturn(
            401,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(401)
                .withReason("Unauthorized")
                .withMessage("Unauthorized")
                .build())
        .always();

    assertThatThrownBy(() -> KubeAudit.run(client, BASELINE.withNamespace("shop"), 500))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "the API server at "
                + client.getMasterUrl()
                + " rejected the credentials (401 Unauthorized): they are missing, invalid or"
                + " expired; log in again or fix the user of this context in your kubeconfig");
  }

  @Test
  void anUnreachableServerIsOneLine() throws Exception {
    var config = api.config();
    String url = config.getMasterUrl();
    api.close();
    try (KubernetesClient dead =
        new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(() -> KubeAudit.run(dead, BASELINE.withNamespace("shop"), 500))
          .isInstanceOf(KubeException.class)
          .hasMessage(
              "cannot reach the API server at "
                  + url
                  + ": connection refused (is the cluster running, and is this the right"
                  + " context?)");
    }
  }

  @Test
  void scanResultCarriesEveryObjectAndTheUnreadableNamespacesAsErrors() throws KubeException {
    create(
        Objects.namespace("open", Map.of()),
        Objects.namespace("secret", Map.of()),
        pod("open", "web", true, null, null));
    forbid("/api/v1/pods?limit=500", "pods is forbidden: cluster scope");
    forbid("/api/v1/namespaces/secret/pods?limit=500", "pods is forbidden: secret");

    ScanResult result = KubeAudit.scan(client, BASELINE.withAllNamespaces(), 500);

    assertThat(result.policy()).isEqualTo("baseline:latest");
    assertThat(result.objects()).hasSize(1);
    assertThat(result.objects().get(0).object().displayName()).isEqualTo("pod/web");
    assertThat(result.objects().get(0).object().namespace()).isEqualTo("open");
    assertThat(result.objects().get(0).object().source().file()).isEqualTo("cluster:open/pods/web");
    assertThat(result.objects().get(0).message())
        .isEqualTo(
            "violates PodSecurity \"baseline:latest\": privileged (container \"app\" must not set"
                + " securityContext.privileged=true)");
    assertThat(result.errors())
        .extracting(Object::toString)
        .containsExactly("cluster:secret/pods: pods is forbidden: secret");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  private void forbid(String path, String message) {
    api.server
        .expect()
        .get()
        .withPath(path)
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(message)
                .build())
        .always();
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
