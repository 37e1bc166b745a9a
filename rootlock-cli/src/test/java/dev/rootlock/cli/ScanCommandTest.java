package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ScanCommand}, through {@link Main#run} as a user runs it. */
class ScanCommandTest {

  private static final String EXAMPLES =
      Path.of(System.getProperty("rootlock.repo"), "examples").toString();

  private static final String NGINX_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
      spec:
        containers:
        - name: nginx
          image: nginx
      """;

  @TempDir Path dir;

  @Test
  void theSeedsNginxPodGetsPsasMessageByteForByte() throws IOException {
    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "--profile", "restricted", "-f", "json", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode object = new ObjectMapper().readTree(run.out()).get("objects").get(0);
    assertThat(object.get("message").asText())
        .isEqualTo(
            "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false"
                + " (container \"nginx\" must set securityContext.allowPrivilegeEscalation=false),"
                + " unrestricted capabilities (container \"nginx\" must set"
                + " securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or"
                + " container \"nginx\" must set securityContext.runAsNonRoot=true), seccompProfile"
                + " (pod or container \"nginx\" must set securityContext.seccompProfile.type to"
                + " \"RuntimeDefault\" or \"Localhost\")");
  }

  @Test
  void textFindingsNameFileLineColumnObjectContainerAndCheck() {
    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            """
            -:7:5 pod/nginx nginx allowPrivilegeEscalation: container "nginx" must set securityContext.allowPrivilegeEscalation=false
            -:7:5 pod/nginx nginx capabilities_restricted: container "nginx" must set securityContext.capabilities.drop=["ALL"]
            -:5:1 pod/nginx nginx runAsNonRoot: pod or container "nginx" must set securityContext.runAsNonRoot=true
            -:5:1 pod/nginx nginx seccompProfile_restricted: pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"
            -:7:5 pod/nginx nginx readOnlyRootFilesystem: container "nginx" must set securityContext.readOnlyRootFilesystem=true
            1 object scanned, 1 violates hardened:latest (5 findings)
            """);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aHardenedDeploymentPassesWithExitZero() {
    CliRun run = CliRun.of("scan", EXAMPLES + "/kubernetes/hardened-deployment.yaml");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("1 object scanned, none violate hardened:latest\n");
  }

  @Test
  void theBundledExamplesViolateAndAreAllScanned() {
    CliRun run = CliRun.of("scan", "-f", "json", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"objects\"");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void malformedYamlIsExitTwoWithItsPositionAndTheOtherFilesAreStillScanned() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: Pod\nspec: [oops\n");
    Path good =
        Files.writeString(
            dir.resolve("good.yaml"), NGINX_POD.replace("name: nginx\n  ", "name: web\n  "));

    CliRun run = CliRun.of("scan", "-p", "baseline", bad.toString(), good.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    // Error lines go to standard error in text format (issue 15), the report to standard output.
    assertThat(run.err()).startsWith(bad + ":3:1: error: ");
    assertThat(run.out()).doesNotContain("error: ");
    assertThat(run.out()).contains("1 object scanned, none violate baseline:latest");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aMissingFileIsExitTwoAndNamed() {
    Path missing = dir.resolve("nope.yaml");

    CliRun run = CliRun.of("scan", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(missing + ": error: no such file or directory\n");
  }

  @Test
  void aFormatNameGivenToOutputIsTheFormatAsInKubectl() {
    CliRun byOutput = CliRun.withStdin(NGINX_POD, "scan", "-o", "json", "-");
    CliRun byFormat = CliRun.withStdin(NGINX_POD, "scan", "-f", "json", "-");

    assertThat(byOutput.exitCode()).isEqualTo(1);
    assertThat(byOutput.out()).startsWith("{\n").isEqualTo(byFormat.out());
    assertThat(byOutput.err())
        .isEqualTo(
            "note: -o json is taken as -f json (the format flag); -o ./json writes a file\n");
  }

  @Test
  void aPathGivenToOutputIsAFileEvenWhenItsNameIsAFormat() throws IOException {
    Path report = dir.resolve("json");

    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "-f", "sarif", "-o", report.toString(), "-");

    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(Files.readString(report)).contains("\"version\": \"2.1.0\"");
  }

  @Test
  void outputThatContradictsFormatIsAUsageError() {
    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "-f", "sarif", "-o", "json", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            error: -o json: a format name, and --format says sarif; write -o ./json for a file of that name
            See 'rootlock scan --help' for usage.
            """);
  }

  @Test
  void kubectlsYamlGivenToOutputIsNeverAFile() {
    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "-o", "yaml", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            error: -o yaml: not a format here; --format takes text, json, sarif, junit (write -o ./yaml for a file of that name)
            See 'rootlock scan --help' for usage.
            """);
  }

  @Test
  void anUnknownInputTypeListsTheTypes() {
    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "--input-type", "helm", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            error: --input-type: invalid value "helm": must be one of auto, kubernetes, compose, dockerfile
            See 'rootlock scan --help' for usage.
            """);
  }

  @Test
  void anUnknownProfileIsAUsageError() {
    CliRun run = CliRun.of("scan", "--profile", "strict", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            error: --profile: invalid value "strict": must be one of baseline, restricted, hardened
            See 'rootlock scan --help' for usage.
            """);
  }

  @Test
  void anInvalidPolicyVersionIsAUsageError() {
    CliRun run = CliRun.of("scan", "--policy-version", "1.25", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: --policy-version: invalid policy version \"1.25\": must be \"latest\" or \"v1.x\"\n");
  }

  @Test
  void anUnknownFlagSuggestsTheNearestAndPointsAtHelp() {
    CliRun run = CliRun.of("scan", "--profil", "restricted", EXAMPLES);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Unknown option: '--profil'");
    assertThat(run.err()).contains("--profile").endsWith("See 'rootlock scan --help' for usage.\n");
  }

  @Test
  void noPathIsAUsageError() {
    CliRun run = CliRun.of("scan");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Missing required parameter: 'PATH'");
  }

  @Test
  void outputGoesToTheFileAndNothingToStandardOutput() throws IOException {
    Path report = dir.resolve("report.sarif");

    CliRun run = CliRun.withStdin(NGINX_POD, "scan", "-f", "sarif", "-o", report.toString(), "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("\"version\": \"2.1.0\"");
  }

  @Test
  void helpTeachesWithExamplesAndExitCodes() {
    CliRun run = CliRun.of("scan", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--profile")
        .contains("--policy-version")
        .contains("Examples:")
        .contains("Exit codes: 0 every object passes, 1 some object violates, 2 usage error");
  }

  @Test
  void versionNamesRootlockAndJava() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("rootlock ").contains("Java " + Runtime.version());
  }

  @Test
  void noCommandIsAUsageErrorThatPointsAtHelp() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("error: Missing command\nSee 'rootlock --help' for usage.\n");
  }

  private static final String ONLY_SERVICES =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b}
      """;

  @Test
  void aRunThatEvaluatedNothingIsNotAPassAndSaysWhatWasSkipped() {
    CliRun run = CliRun.withStdin(ONLY_SERVICES, "scan", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: no object was evaluated: skipped 1 ConfigMap, 1 Service (kinds without a pod"
                + " template); pass --allow-empty if that is expected\n");
  }

  @Test
  void allowEmptyLetsAPipelineThatExpectsNothingPass() {
    CliRun run = CliRun.withStdin(ONLY_SERVICES, "scan", "--allow-empty", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            "0 objects scanned, none violate hardened:latest; skipped: 1 ConfigMap, 1 Service\n");
  }

  @Test
  void anEmptyInputIsNotAPassEither() {
    CliRun run = CliRun.withStdin("# nothing\n", "scan", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: no object was evaluated: the inputs hold no Kubernetes object, Compose"
                + " service or Dockerfile; pass --allow-empty if that is expected\n");
  }

  @Test
  void aDeploymentUnderCoreV1IsAnInputErrorNotASkip() {
    CliRun run =
        CliRun.withStdin("apiVersion: v1\nkind: Deployment\nmetadata: {name: d}\n", "scan", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    // Text-format input errors go to stderr (issue 15); the summary stays on stdout.
    assertThat(run.err())
        .isEqualTo(
            "-:1:13: error: no matches for kind \"Deployment\" in version \"v1\": Deployment"
                + " is served as apps/v1\n");
    assertThat(run.out())
        .isEqualTo("0 objects scanned, none violate hardened:latest; 1 file could not be read\n");
  }

  private static final String WORKFLOW =
      """
      apiVersion: example.com/v1
      kind: Workflow
      metadata: {name: wf}
      spec:
        runner:
          template:
            spec:
              containers:
              - name: app
                image: nginx
                securityContext: {privileged: true}
      """;

  @Test
  void aWorkloadKindMappingMakesACustomKindScanned() {
    CliRun run =
        CliRun.withStdin(
            WORKFLOW,
            "scan",
            "-p",
            "baseline",
            "--workload-kind",
            "Workflow.example.com=spec.runner.template",
            "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "-:11:29 workflow/wf app privileged: container \"app\" must not set"
                + " securityContext.privileged=true\n"
                + "-:1:1 workflow/wf violates PodSecurity \"baseline:latest\": privileged (container"
                + " \"app\" must not set securityContext.privileged=true)\n"
                + "1 object scanned, 1 violates baseline:latest (1 finding)\n");
  }

  @Test
  void aMalformedWorkloadKindIsAUsageError() {
    CliRun run = CliRun.withStdin(WORKFLOW, "scan", "--workload-kind", "Workflow", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: --workload-kind: invalid workload kind \"Workflow\": expected"
                + " Kind.group=path.to.template, such as Workflow.example.com=spec.template\n");
  }

  private static final String TYPO_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: typo}
      spec:
        containers:
        - name: app
          image: nginx
          securityContext:
            readOnlyRootFileSystem: true
      """;

  @Test
  void aMisspelledFieldIsAnUnknownFieldFindingAtItsKeyWithADidYouMean() {
    CliRun run = CliRun.withStdin(TYPO_POD, "scan", "-f", "json", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"check\": \"unknownField\"")
        .contains(
            "unknown field \\\"spec.containers[0].securityContext.readOnlyRootFileSystem\\\""
                + " (did you mean \\\"readOnlyRootFilesystem\\\"?)");
    CliRun text = CliRun.withStdin(TYPO_POD, "scan", "-");
    assertThat(text.out())
        .contains(
            "-:9:7 pod/typo - unknownField: unknown field"
                + " \"spec.containers[0].securityContext.readOnlyRootFileSystem\" (did you mean"
                + " \"readOnlyRootFilesystem\"?)\n");
  }

  @Test
  void unknownFieldsLeavePsaLevelsAndTheirMessagesAlone() {
    CliRun run = CliRun.withStdin(TYPO_POD, "scan", "-p", "baseline", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("1 object scanned, none violate baseline:latest\n");
  }
}
