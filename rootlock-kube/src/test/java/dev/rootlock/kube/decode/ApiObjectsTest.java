package dev.rootlock.kube.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Workload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiObjectsTest {

  private static final SourceRef SOURCE = SourceRef.of("request");

  private static Optional<Workload> workload(String apiVersion, String kind) throws Exception {
    JsonNode object =
        new ObjectMapper()
            .readTree(
                ("{'apiVersion':'"
                        + apiVersion
                        + "','kind':'"
                        + kind
                        + "','metadata':{'name':'x'},"
                        + "'spec':{'template':{'spec':{'containers':[{'name':'app'}]}}}}")
                    .replace('\'', '"'));
    return ApiObjects.workload(object, SOURCE);
  }

  @Test
  void aJobOfTheBatchGroupIsAWorkloadWithItsTemplate() throws Exception {
    Workload job = workload("batch/v1", "Job").orElseThrow();

    assertThat(job.kind()).isEqualTo("Job");
    assertThat(job.templatePath().toString()).isEqualTo("spec.template");
    assertThat(job.pod().spec().containers().get(0).name()).isEqualTo("app");
  }

  @Test
  void theCoreGroupHasPodsTemplatesAndReplicationControllers() throws Exception {
    assertThat(workload("v1", "ReplicationController")).isPresent();
    assertThat(workload("v1", "PodTemplate").orElseThrow().templatePath().toString())
        .isEqualTo("template");
    assertThat(workload("v1", "Pod").orElseThrow().templatePath().toString()).isEmpty();
  }

  @Test
  void aKindNameInTheWrongGroupIsNoWorkload() throws Exception {
    assertThat(workload("apps/v1", "Job")).isEmpty();
    assertThat(workload("v1", "Deployment")).isEmpty();
    assertThat(workload("example.com/v1", "Pod")).isEmpty();
    assertThat(workload("v1", "Namespace")).isEmpty();
    assertThat(workload("v1", "ConfigMap")).isEmpty();
  }

  @Test
  void theWellKnownCustomWorkloadsComeFromTheSameTableAsTheReaders() throws Exception {
    assertThat(workload("argoproj.io/v1alpha1", "Rollout").orElseThrow().templatePath())
        .hasToString("spec.template");
    assertThat(workload("apps.openshift.io/v1", "DeploymentConfig")).isPresent();
    Workload knative = workload("serving.knative.dev/v1", "Service").orElseThrow();
    assertThat(knative.pod().spec().containers().get(0).name()).isEqualTo("app");
    assertThat(workload("apps/v2", "Deployment")).isEmpty();
    assertThat(workload("v1", "Service")).isEmpty();
  }

  @Test
  void aUsersMappingServesTheWebhookAsItServesScan() throws Exception {
    JsonNode object =
        new ObjectMapper()
            .readTree(
                "{\"apiVersion\":\"example.com/v3\",\"kind\":\"Workflow\","
                    + "\"spec\":{\"runner\":{\"template\":{\"spec\":"
                    + "{\"containers\":[{\"name\":\"wf\"}]}}}}}");
    WorkloadKinds mapped =
        WorkloadKinds.builtIn()
            .with(List.of(WorkloadKind.parse("Workflow.example.com=spec.runner.template")));

    Workload workload = ApiObjects.workload(object, SOURCE, mapped).orElseThrow();

    assertThat(workload.apiVersion()).isEqualTo("example.com/v3");
    assertThat(workload.templatePath()).hasToString("spec.runner.template");
    assertThat(workload.pod().spec().containers().get(0).name()).isEqualTo("wf");
    assertThat(ApiObjects.workload(object, SOURCE)).isEmpty();
  }
}
