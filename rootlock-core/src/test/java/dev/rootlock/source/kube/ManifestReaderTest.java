package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.source.tree.TreeLimits;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  private final ManifestReader reader = new ManifestReader();

  private static final String ALL_KINDS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: pod}
      spec: {containers: [{name: c-pod}]}
      ---
      apiVersion: v1
      kind: PodTemplate
      metadata: {name: podtemplate}
      template:
        metadata: {name: from-template}
        spec: {containers: [{name: c-podtemplate}]}
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: rc}
      spec: {template: {spec: {containers: [{name: c-rc}]}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: deployment}
      spec: {template: {spec: {containers: [{name: c-deployment}]}}}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: replicaset}
      spec: {template: {spec: {containers: [{name: c-replicaset}]}}}
      ---
      apiVersion: extensions/v1beta1
      kind: DaemonSet
      metadata: {name: daemonset}
      spec: {template: {spec: {containers: [{name: c-daemonset}]}}}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: statefulset}
      spec: {template: {spec: {containers: [{name: c-statefulset}]}}}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: job}
      spec: {template: {spec: {containers: [{name: c-job}]}}}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: cronjob}
      spec:
        jobTemplate:
          spec:
            template:
              spec: {containers: [{name: c-cronjob}]}
      """;

  private ReadResult read(String text) {
    return reader.read("test.yaml", text);
  }

  private static List<String> containerNames(Workload workload) {
    return workload.pod().spec().containers().stream().map(Container::name).toList();
  }

  @Test
  void everyWorkloadKindIsReadFromItsTemplate() {
    ReadResult result = read(ALL_KINDS);

    assertThat(result.errors()).isEmpty();
    assertThat(result.skippedKinds()).isEmpty();
    assertThat(result.workloads())
        .extracting(Workload::kind, w -> w.metadata().name(), w -> w.templatePath().toString())
        .containsExactly(
            tuple("Pod", "pod", ""),
            tuple("PodTemplate", "podtemplate", "template"),
            tuple("ReplicationController", "rc", "spec.template"),
            tuple("Deployment", "deployment", "spec.template"),
            tuple("ReplicaSet", "replicaset", "spec.template"),
            tuple("DaemonSet", "daemonset", "spec.template"),
            tuple("StatefulSet", "statefulset", "spec.template"),
            tuple("Job", "job", "spec.template"),
            tuple("CronJob", "cronjob", "spec.jobTemplate.spec.template"));
    assertThat(result.workloads())
        .extracting(w -> containerNames(w).get(0))
        .containsExactly(
            "c-pod",
            "c-podtemplate",
            "c-rc",
            "c-deployment",
            "c-replicaset",
            "c-daemonset",
            "c-statefulset",
            "c-job",
            "c-cronjob");
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  @Test
  void everyObjectReportsTheLineItStartsOn() {
    ReadResult result = read(ALL_KINDS);

    assertThat(result.workloads())
        .extracting(w -> w.source().position().line())
        .containsExactly(1, 6, 13, 18, 23, 28, 33, 38, 43);
    assertThat(result.workloads().get(1).source())
        .isEqualTo(new dev.rootlock.model.SourceRef("test.yaml", new Position(6, 1, 87)));
  }

  @Test
  void aPodsTemplateMetadataIsItsOwnAndATemplatesIsTheTemplates() {
    ReadResult result = read(ALL_KINDS);

    assertThat(result.workloads().get(0).pod().metadata().name()).isEqualTo("pod");
    assertThat(result.workloads().get(1).pod().metadata().name()).isEqualTo("from-template");
    assertThat(result.workloads().get(2).pod().metadata().name()).isNull();
  }

  @Test
  void aWorkloadWithoutATemplateHasNoPodAndIsAnInputError() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: empty}
            spec: {replicas: 0}
            """);

    Workload workload = result.workloads().get(0);
    assertThat(workload.pod()).isNull();
    // The API server requires the template; without this, the object would pass unchecked.
    assertThat(workload.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("spec", "template"),
                "required field is missing (the pod template is spec.template)"));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void otherKindsAreSkippedAndCountedPerKind() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: Service
            ---
            apiVersion: v1
            kind: Service
            ---
            kind: ConfigMap
            ---
            apiVersion: batch.volcano.sh/v1alpha1
            kind: Job
            ---
            name: values without a kind
            ---
            - a sequence
            ---
            just text
            ---
            ~
            ---
            # only a comment
            """);

    assertThat(result.workloads()).isEmpty();
    assertThat(result.errors()).isEmpty();
    assertThat(result.skippedKinds())
        .containsExactly(
            Map.entry("(no kind)", 1),
            Map.entry("(not an object)", 2),
            Map.entry("ConfigMap", 1),
            Map.entry("Job (batch.volcano.sh/v1alpha1)", 1),
            Map.entry("Service", 2));
  }

  @Test
  void aHugeKindIsCountedUnderItsFirst64Characters() {
    // Found by the fuzz suite: a 100,000-character kind became a JSON report key that JSON
    // readers refuse (Jackson caps names at 50,000 characters).
    String kind = "X".repeat(100_000);

    ReadResult result = read("apiVersion: v1\nkind: " + kind + "\n");

    assertThat(result.skippedKinds()).containsExactly(Map.entry("X".repeat(64) + "…", 1));
  }

  @Test
  void theItemsOfAListAreReadAsObjects() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: {name: web}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web}
            - apiVersion: v1
              kind: List
              items:
              - {apiVersion: v1, kind: Pod, metadata: {name: nested}}
            """);

    assertThat(result.workloads())
        .extracting(Workload::kind, w -> w.metadata().name(), w -> w.source().position())
        .containsExactly(
            tuple("Deployment", "web", new Position(7, 3, 92)),
            tuple("Pod", "nested", new Position(13, 5, 198)));
    assertThat(result.skippedKinds()).containsExactly(Map.entry("Service", 1));
  }

  @Test
  void itemsOfATypedListWithoutKindTakeTheListsKindAndApiVersion() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: a}
            - kind: Service
              metadata: {name: b}
            """);

    assertThat(result.workloads())
        .extracting(Workload::apiVersion, Workload::kind, w -> w.metadata().name())
        .containsExactly(tuple("v1", "Pod", "a"));
    assertThat(result.skippedKinds()).containsExactly(Map.entry("Service", 1));
  }

  @Test
  void aListWhoseItemsAreNotASequenceIsAnError() {
    ReadResult result = read("apiVersion: v1\nkind: List\nitems: {a: 1}\n");

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml", new Position(3, 1, 26), "items: expected a sequence, got a mapping"));
  }

  @Test
  void theLocatorPointsAtKeysRelativeToTheObject() {
    ReadResult result =
        read(
            """
            kind: Service
            ---
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    securityContext:
                      privileged: true
            """);

    Workload workload = result.workloads().get(0);
    FieldPath containers = workload.templatePath().append(FieldPath.of("spec", "containers"));
    assertThat(workload.locator().locate(containers.index(0).keys("securityContext", "privileged")))
        .isEqualTo(new Position(11, 11, 154));
    assertThat(workload.locator().locate(containers.index(0).keys("securityContext", "runAsUser")))
        .isEqualTo(new Position(10, 9, 127));
    assertThat(workload.locator().locate(FieldPath.of("metadata", "name")))
        .isEqualTo(new Position(3, 1, 18));
  }

  @Test
  void positionsCountUtf16UnitsAndCarriageReturnsAcrossDocuments() {
    String text =
        """
        # \uD83D\uDC33 first
        apiVersion: v1
        kind: Service
        metadata: {name: "\uD83D\uDE00"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web} # \u2705
        spec:
          template:
            spec:
              containers:
              - name: app
                securityContext: {readOnlyRootFilesystem: yes}
        """
            .replace("\n", "\r\n");

    ReadResult result = read(text);

    Workload workload = result.workloads().get(0);
    assertThat(workload.source().position()).isEqualTo(new Position(6, 1, 72));
    FieldPath context =
        FieldPath.of("spec", "template", "spec", "containers").index(0).key("securityContext");
    assertThat(workload.locator().locate(context.key("readOnlyRootFilesystem")))
        .isEqualTo(new Position(14, 27, 233));
    assertThat(workload.locator().locate(context.key("privileged")))
        .isEqualTo(new Position(14, 9, 215));
    assertThat(workload.pod().spec().containers().get(0).securityContext().readOnlyRootFilesystem())
        .isTrue();
  }

  @Test
  void aBadSeparatorIsReportedAndTheDocumentsAroundItAreRead() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: one}
            --- !!map
            apiVersion: v1
            kind: Pod
            metadata: {name: two}
            """);

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml", new Position(4, 1, 47), "invalid Yaml document separator: !!map"));
    assertThat(result.workloads())
        .extracting(w -> w.metadata().name())
        .containsExactly("one", "two");
  }

  @Test
  void malformedYamlIsReportedAndTheFilesOtherDocumentsAreStillRead() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: before}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: [broken}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: after}
            """);

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml",
                new Position(7, 25, 103),
                "expected ',' or ']', but got } (while parsing a flow sequence at 7:18)"));
    assertThat(result.workloads())
        .extracting(w -> w.metadata().name())
        .containsExactly("before", "after");
  }

  @Test
  void anAliasBombIsRefusedAndTheOtherDocumentsAreStillRead() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }

    ReadResult result = read(bomb + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: after}\n");

    assertThat(result.errors())
        .extracting(InputError::message, e -> e.position().line())
        .containsExactly(
            tuple("aliases repeat more than 1000000 nodes in one document (an alias bomb?)", 6));
    assertThat(result.workloads()).extracting(w -> w.metadata().name()).containsExactly("after");
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedAndTheOtherDocumentsAreStillRead() {
    ManifestReader small = new ManifestReader(new TreeLimits(60, 100, 100, 1000));
    String big = "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\ndata: " + "x".repeat(40);

    ReadResult result =
        small.read("test.yaml", big + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n");

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml",
                new Position(1, 1, 0),
                "document is too large: 94 code points, more than the limit of 60"));
    assertThat(result.workloads()).extracting(w -> w.metadata().name()).containsExactly("ok");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String text =
        "apiVersion: v1\nkind: Pod\nspec: "
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: after}\n";

    ReadResult result = read(text);

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml",
                new Position(3, 1006, 1030),
                "nesting is deeper than the limit of 1000 levels"));
    assertThat(result.workloads()).extracting(w -> w.metadata().name()).containsExactly("after");
  }

  @Test
  void textWithNulCharactersIsReportedAsBinary() {
    ReadResult result = read("apiVersion: v1\u0000\u0001");

    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "test.yaml", null, "binary file (it contains NUL bytes), not a manifest"));
    assertThat(result.workloads()).isEmpty();
  }

  @Test
  void anEmptyTextHasNoObjectsAndNoErrors() {
    for (String empty : List.of("", "\n\n", "# just a comment\n", "---\n---\n")) {
      ReadResult result = read(empty);

      assertThat(result.workloads()).isEmpty();
      assertThat(result.errors()).isEmpty();
      assertThat(result.skippedKinds()).isEmpty();
    }
  }

  @Test
  void jsonFilesAreReadWithJsonTypesOneObjectAfterAnother() {
    ReadResult result =
        reader.read(
            "pods.json",
            """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},
             "spec": {"containers": [{"name": "app", "securityContext": {"privileged": true}}]}}
            {"apiVersion": "v1", "kind": "Service"}
            """);

    assertThat(result.errors()).isEmpty();
    Workload pod = result.workloads().get(0);
    assertThat(pod.pod().spec().containers().get(0).securityContext().privileged()).isTrue();
    assertThat(pod.source().position()).isEqualTo(new Position(1, 1, 0));
    assertThat(result.skippedKinds()).containsExactly(Map.entry("Service", 1));
  }

  @Test
  void malformedJsonIsReportedAfterTheObjectsBeforeIt() {
    ReadResult result =
        reader.read(
            "pods.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"Pod\"}\n{\"kind\": \"Pod\", \"spec\": [1,}\n");

    assertThat(result.workloads()).hasSize(1);
    assertThat(result.errors())
        .containsExactly(
            new InputError(
                "pods.json",
                new Position(2, 28, 63),
                "Unexpected character ('}' (code 125)): expected a value"));
  }

  @Test
  void standardInputIsJsonWhenItStartsWithABrace() {
    ReadResult json =
        reader.read("-", "\n  {\"apiVersion\": \"v1\", \"kind\": \"Pod\"}{\"kind\": \"Pod\"}");
    ReadResult yaml = reader.read("-", "apiVersion: v1\nkind: Pod\n");

    assertThat(json.workloads()).hasSize(2);
    assertThat(yaml.workloads()).hasSize(1);
    assertThat(ManifestParser.syntaxOf("-", " {")).isEqualTo(dev.rootlock.source.tree.Syntax.JSON);
    assertThat(ManifestParser.syntaxOf("x.yaml", "{"))
        .isEqualTo(dev.rootlock.source.tree.Syntax.YAML);
    assertThat(ManifestParser.syntaxOf("X.JSON", "a: 1"))
        .isEqualTo(dev.rootlock.source.tree.Syntax.JSON);
  }

  @Test
  void theWellKnownCustomWorkloadsAreReadFromTheirTemplates() {
    ReadResult result =
        read(
            """
            apiVersion: apps.openshift.io/v1
            kind: DeploymentConfig
            metadata: {name: dc}
            spec: {template: {spec: {containers: [{name: c-dc}]}}}
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: rollout}
            spec: {template: {spec: {containers: [{name: c-rollout}]}}}
            ---
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: ksvc}
            spec: {template: {spec: {containers: [{name: c-ksvc}]}}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: plain}
            """);

    assertThat(result.errors()).isEmpty();
    assertThat(result.skippedKinds()).containsExactly(Map.entry("Service", 1));
    assertThat(result.workloads())
        .extracting(Workload::apiVersion, Workload::kind, w -> containerNames(w).get(0))
        .containsExactly(
            tuple("apps.openshift.io/v1", "DeploymentConfig", "c-dc"),
            tuple("argoproj.io/v1alpha1", "Rollout", "c-rollout"),
            tuple("serving.knative.dev/v1", "Service", "c-ksvc"));
  }

  @Test
  void aUsersMappingMakesAnyKindAWorkloadAtItsTemplatePath() {
    String text =
        """
        apiVersion: example.com/v2
        kind: Workflow
        metadata: {name: wf}
        spec: {runner: {template: {spec: {containers: [{name: c-wf}]}}}}
        """;
    ManifestReader mapped =
        new ManifestReader(
            WorkloadKinds.builtIn()
                .with(List.of(WorkloadKind.parse("Workflow.example.com=spec.runner.template"))));

    ReadResult result = mapped.read("test.yaml", text);

    assertThat(result.errors()).isEmpty();
    assertThat(result.workloads())
        .extracting(w -> w.templatePath().toString(), w -> containerNames(w).get(0))
        .containsExactly(tuple("spec.runner.template", "c-wf"));
    assertThat(read(text).skippedKinds()).containsExactly(Map.entry("Workflow", 1));
  }

  @Test
  void aKindUnderAVersionTheApiServerDoesNotServeIsAnInputErrorAtItsApiVersion() {
    ReadResult result =
        read(
            """
            apiVersion: v1
            kind: Deployment
            metadata: {name: wrong-group}
            spec: {template: {spec: {containers: [{name: c, securityContext: {privileged: true}}]}}}
            ---
            apiVersion: apps/v2
            kind: Deployment
            metadata: {name: unknown-version}
            """);

    assertThat(result.workloads()).isEmpty();
    assertThat(result.skippedKinds()).isEmpty();
    assertThat(result.errors())
        .extracting(InputError::position, InputError::message)
        .containsExactly(
            tuple(
                new Position(1, 13, 12),
                "no matches for kind \"Deployment\" in version \"v1\": Deployment is served as"
                    + " apps/v1"),
            tuple(
                new Position(6, 13, 167),
                "no matches for kind \"Deployment\" in version \"apps/v2\": Deployment is"
                    + " served as apps/v1"));
  }
}
