package dev.rootlock.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadKindsTest {

  private final WorkloadKinds table = WorkloadKinds.builtIn();

  private static String found(WorkloadKinds.Match match) {
    return match instanceof WorkloadKinds.Match.Found found
        ? found.kind().kind() + "@" + found.kind().templatePath()
        : match.toString();
  }

  /** Every built-in row, exactly: what the reader, kube's decoder and the webhook all read. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Pod | '' | v1 | '' | pods
          PodTemplate | '' | v1 | template | podtemplates
          ReplicationController | '' | v1 | spec.template | replicationcontrollers
          Deployment | apps extensions \
            | apps/v1 apps/v1beta1 apps/v1beta2 extensions/v1beta1 | spec.template | deployments
          ReplicaSet | apps extensions \
            | apps/v1 apps/v1beta2 extensions/v1beta1 | spec.template | replicasets
          DaemonSet | apps extensions \
            | apps/v1 apps/v1beta2 extensions/v1beta1 | spec.template | daemonsets
          StatefulSet | apps | apps/v1 apps/v1beta1 apps/v1beta2 | spec.template | statefulsets
          Job | batch | batch/v1 | spec.template | jobs
          CronJob | batch | batch/v1 batch/v1beta1 batch/v2alpha1 \
            | spec.jobTemplate.spec.template | cronjobs
          DeploymentConfig | apps.openshift.io | apps.openshift.io/v1 | spec.template \
            | deploymentconfigs
          Rollout | argoproj.io | argoproj.io/v1alpha1 | spec.template | rollouts
          Service | serving.knative.dev | serving.knative.dev/v1 | spec.template | services
          """)
  void everyBuiltInRowHasItsGroupsVersionsTemplatePathAndPlural(
      String kind, String groups, String versions, String templatePath, String plural) {
    WorkloadKind row =
        table.kinds().stream().filter(k -> k.kind().equals(kind)).findFirst().orElseThrow();

    assertThat(row.groups())
        .containsExactlyInAnyOrder(groups.isEmpty() ? new String[] {""} : groups.split(" "));
    assertThat(row.apiVersions()).containsExactly(versions.split(" "));
    assertThat(row.templatePath()).hasToString(templatePath);
    assertThat(row.plural()).isEqualTo(plural);
    assertThat(row.namespaced()).isTrue();
  }

  @Test
  void theBuiltInTableHasTheseRowsInThisOrder() {
    assertThat(table.kinds())
        .extracting(WorkloadKind::kind)
        .containsExactly(
            "Pod",
            "PodTemplate",
            "ReplicationController",
            "Deployment",
            "ReplicaSet",
            "DaemonSet",
            "StatefulSet",
            "Job",
            "CronJob",
            "DeploymentConfig",
            "Rollout",
            "Service");
  }

  @Test
  void kubernetesKindsAreFoundInTheirGroupsAndVersions() {
    assertThat(found(table.match("apps/v1", "Deployment"))).isEqualTo("Deployment@spec.template");
    assertThat(found(table.match("extensions/v1beta1", "DaemonSet")))
        .isEqualTo("DaemonSet@spec.template");
    assertThat(found(table.match("batch/v1", "CronJob")))
        .isEqualTo("CronJob@spec.jobTemplate.spec.template");
    assertThat(found(table.match("v1", "Pod"))).isEqualTo("Pod@");
    assertThat(found(table.match(null, "Job"))).isEqualTo("Job@spec.template");
  }

  @Test
  void theThreeWellKnownCustomWorkloadsAreBuiltIn() {
    assertThat(found(table.match("apps.openshift.io/v1", "DeploymentConfig")))
        .isEqualTo("DeploymentConfig@spec.template");
    assertThat(found(table.match("argoproj.io/v1alpha1", "Rollout")))
        .isEqualTo("Rollout@spec.template");
    assertThat(found(table.match("serving.knative.dev/v1", "Service")))
        .isEqualTo("Service@spec.template");
  }

  @Test
  void aKubernetesKindUnderAnotherKubernetesGroupIsInvalidAsTheApiServerSaysSo() {
    assertThat(table.match("v1", "Deployment"))
        .isEqualTo(
            new WorkloadKinds.Match.Invalid(
                "no matches for kind \"Deployment\" in version \"v1\": Deployment is served as"
                    + " apps/v1"));
    assertThat(table.match("apps/v2", "Deployment"))
        .isEqualTo(
            new WorkloadKinds.Match.Invalid(
                "no matches for kind \"Deployment\" in version \"apps/v2\": Deployment is served as"
                    + " apps/v1"));
    assertThat(table.match("batch/v1", "Pod"))
        .isEqualTo(
            new WorkloadKinds.Match.Invalid(
                "no matches for kind \"Pod\" in version \"batch/v1\": Pod is served as v1"));
  }

  @Test
  void aSameNamedKindOfAnotherGroupOrAPlainServiceIsNoWorkload() {
    assertThat(table.match("batch.volcano.sh/v1alpha1", "Job")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match("v1", "Service")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match(null, "Service")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match("v1", "ConfigMap")).isEqualTo(WorkloadKinds.Match.NONE);
  }

  @Test
  void anUnknownVersionOfABuiltInCustomKindIsInvalid() {
    assertThat(table.match("argoproj.io/v9", "Rollout"))
        .isEqualTo(
            new WorkloadKinds.Match.Invalid(
                "no matches for kind \"Rollout\" in version \"argoproj.io/v9\": Rollout is served"
                    + " as argoproj.io/v1alpha1"));
  }

  @Test
  void aMappingAddsAKindAtItsTemplatePathInAnyVersionOfItsGroup() {
    WorkloadKind custom = WorkloadKind.parse("Workflow.example.com=spec.runner.template");
    assertThat(custom.kind()).isEqualTo("Workflow");
    assertThat(custom.groups()).containsExactly("example.com");
    assertThat(custom.templatePath()).isEqualTo(FieldPath.of("spec", "runner", "template"));

    WorkloadKinds withCustom = table.with(List.of(custom));

    assertThat(found(withCustom.match("example.com/v1beta3", "Workflow")))
        .isEqualTo("Workflow@spec.runner.template");
    assertThat(withCustom.match("other.com/v1", "Workflow")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match("example.com/v1", "Workflow")).isEqualTo(WorkloadKinds.Match.NONE);
  }

  @Test
  void aMappingMayOverrideABuiltInKindsTemplatePath() {
    WorkloadKinds withCustom =
        table.with(List.of(WorkloadKind.parse("Rollout.argoproj.io=spec.workloadRef.template")));
    assertThat(found(withCustom.match("argoproj.io/v1alpha1", "Rollout")))
        .isEqualTo("Rollout@spec.workloadRef.template");
  }

  @Test
  void aMalformedMappingSaysWhatIsExpected() {
    for (String bad :
        List.of(
            "Workflow", "Workflow=spec.template", "Workflow.example.com=", ".x=spec", "W.x=a..b")) {
      assertThatThrownBy(() -> WorkloadKind.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "invalid workload kind \""
                  + bad
                  + "\": expected Kind.group=path.to.template, such as"
                  + " Workflow.example.com=spec.template");
    }
  }
}
