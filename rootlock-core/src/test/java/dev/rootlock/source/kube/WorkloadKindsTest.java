package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.FieldPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadKindsTest {

  private final WorkloadKinds table = WorkloadKinds.builtIn();

  private static String found(WorkloadKinds.Match match) {
    return match instanceof WorkloadKinds.Match.Found found
        ? found.kind().kind() + "@" + found.kind().templatePath()
        : match.toString();
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
    assertThat(table.match("batch.volcano.sh/v1alpha1", "Job"))
        .isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match("v1", "Service")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match(null, "Service")).isEqualTo(WorkloadKinds.Match.NONE);
    assertThat(table.match("v1", "ConfigMap")).isEqualTo(WorkloadKinds.Match.NONE);
  }

  @Test
  void anUnknownVersionOfABuiltInCustomKindIsInvalid() {
    assertThat(table.match("argoproj.io/v9", "Rollout"))
        .isEqualTo(
            new WorkloadKinds.Match.Invalid(
                "no matches for kind \"Rollout\" in version \"argoproj.io/v9\": Rollout is served as"
                    + " argoproj.io/v1alpha1"));
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
        List.of("Workflow", "Workflow=spec.template", "Workflow.example.com=", ".x=spec", "W.x=a..b")) {
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
