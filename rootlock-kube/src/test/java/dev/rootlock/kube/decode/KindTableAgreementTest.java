package dev.rootlock.kube.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifest reader and the cluster decoder read one kind table ({@link WorkloadKinds}); this
 * holds them to the same workload for every row and every apiVersion the row is served as, and the
 * cluster's {@link ApiKind}s to the same rows.
 */
class KindTableAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceRef SOURCE = SourceRef.of("cluster:ns/objects/web");

  @Test
  void theReaderAndTheDecoderAgreeOnEveryKindAndVersionOfTheTable() {
    List<String> compared = new ArrayList<>();
    for (WorkloadKind row : WorkloadKinds.builtIn().kinds()) {
      for (String apiVersion : row.apiVersions()) {
        String json = objectOf(row, apiVersion).toString();

        Workload decoded = ApiObjects.workload(readTree(json), SOURCE).orElseThrow();
        ReadResult result = new ManifestReader().read("web.json", json);

        assertThat(result.errors()).as("%s %s", apiVersion, row.kind()).isEmpty();
        assertThat(result.workloads()).hasSize(1);
        Workload read = result.workloads().get(0);
        assertThat(decoded.kind()).isEqualTo(row.kind()).isEqualTo(read.kind());
        assertThat(decoded.apiVersion()).isEqualTo(apiVersion).isEqualTo(read.apiVersion());
        assertThat(decoded.templatePath())
            .isEqualTo(row.templatePath())
            .isEqualTo(read.templatePath());
        assertThat(decoded.metadata()).isEqualTo(read.metadata());
        Pod readPod = new Pod(read.pod().metadata(), read.pod().spec());
        assertThat(decoded.pod()).isEqualTo(readPod);
        assertThat(
                decoded.pod().spec().containers().get(0).securityContext().readOnlyRootFilesystem())
            .isTrue();
        assertThat(decoded.problems()).isEqualTo(read.problems());
        compared.add(apiVersion + " " + row.kind());
      }
    }
    assertThat(compared)
        .containsExactly(
            "v1 Pod",
            "v1 PodTemplate",
            "v1 ReplicationController",
            "apps/v1 Deployment",
            "apps/v1beta1 Deployment",
            "apps/v1beta2 Deployment",
            "extensions/v1beta1 Deployment",
            "apps/v1 ReplicaSet",
            "apps/v1beta2 ReplicaSet",
            "extensions/v1beta1 ReplicaSet",
            "apps/v1 DaemonSet",
            "apps/v1beta2 DaemonSet",
            "extensions/v1beta1 DaemonSet",
            "apps/v1 StatefulSet",
            "apps/v1beta1 StatefulSet",
            "apps/v1beta2 StatefulSet",
            "batch/v1 Job",
            "batch/v1 CronJob",
            "batch/v1beta1 CronJob",
            "batch/v2alpha1 CronJob",
            "apps.openshift.io/v1 DeploymentConfig",
            "argoproj.io/v1alpha1 Rollout",
            "serving.knative.dev/v1 Service");
  }

  @Test
  void everyKubernetesApiKindIsItsRowOfTheTable() {
    for (ApiKind kind : ApiKind.WORKLOADS_AND_PODS) {
      WorkloadKind row =
          WorkloadKinds.builtIn().kinds().stream()
              .filter(r -> r.kind().equals(kind.kind()) && r.groups().equals(kind.row().groups()))
              .findFirst()
              .orElseThrow();
      assertThat(kind.row()).isSameAs(row);
    }
    assertThat(ApiKind.WORKLOADS_AND_PODS)
        .extracting(ApiKind::toString)
        .containsExactly(
            "Deployment.apps/v1",
            "StatefulSet.apps/v1",
            "DaemonSet.apps/v1",
            "ReplicaSet.apps/v1",
            "ReplicationController.v1",
            "CronJob.batch/v1",
            "Job.batch/v1",
            "PodTemplate.v1",
            "Pod.v1");
  }

  @Test
  void pathsComeFromTheRowsPluralAndScope() {
    assertThat(ApiKind.CRON_JOB.path("ns")).isEqualTo("/apis/batch/v1/namespaces/ns/cronjobs");
    assertThat(ApiKind.POD.path(null)).isEqualTo("/api/v1/pods");
    assertThat(ApiKind.NAMESPACE.path("ns")).isEqualTo("/api/v1/namespaces");
    WorkloadKind mapping = WorkloadKind.parse("Workflow.example.com=spec.template");
    assertThat(ApiKind.served(mapping, "example.com/v2", "workflows", true).path("ns"))
        .isEqualTo("/apis/example.com/v2/namespaces/ns/workflows");
    assertThat(ApiKind.served(mapping, "example.com/v2", "workflows", false).path("ns"))
        .isEqualTo("/apis/example.com/v2/workflows");
  }

  /** An object of {@code row} with a one-container pod template at the row's template path. */
  private static ObjectNode objectOf(WorkloadKind row, String apiVersion) {
    ObjectNode object = JSON.createObjectNode();
    object.put("apiVersion", apiVersion);
    object.put("kind", row.kind());
    object.putObject("metadata").put("name", "web").put("namespace", "ns");
    ObjectNode template = object;
    for (Object segment : row.templatePath().segments()) {
      String key = (String) segment;
      template = template.has(key) ? (ObjectNode) template.get(key) : template.putObject(key);
    }
    if (!row.templatePath().equals(FieldPath.root())) {
      template.putObject("metadata").putObject("labels").put("app", "web");
    }
    ObjectNode spec = template.putObject("spec");
    ObjectNode container = spec.putArray("containers").addObject().put("name", "app");
    container.put("image", "nginx:1.27");
    container
        .putObject("securityContext")
        .put("readOnlyRootFilesystem", true)
        .put("allowPrivilegeEscalation", false);
    container.putArray("volumeMounts").addObject().put("name", "tmp").put("mountPath", "/tmp");
    spec.putArray("volumes").addObject().put("name", "tmp").putObject("emptyDir");
    return object;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
