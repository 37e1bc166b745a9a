package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link FixCommand}, through {@link Main#run}. */
class FixCommandTest {

  private static final String POD =
      """
      # the web pod
      apiVersion: v1
      kind: Pod
      metadata:
        name: web   # keep me
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: web
            image: ghcr.io/example/web:1
      """;

  @TempDir Path dir;

  @Test
  void withoutWriteItPrintsTheDiffAndChangesNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.yaml"), POD);

    CliRun run = CliRun.of("fix", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("--- " + file + "\n+++ " + file + "\n")
        .contains("+        readOnlyRootFilesystem: true\n");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(POD);
  }

  @Test
  void writeHardensInPlaceKeepsCommentsRescansCleanAndIsIdempotent() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.yaml"), POD);

    CliRun fixed = CliRun.of("fix", "--write", file.toString());
    String after = Files.readString(file, StandardCharsets.UTF_8);
    CliRun again = CliRun.of("fix", "--write", file.toString());
    CliRun scan = CliRun.of("scan", file.toString());

    assertThat(fixed.exitCode()).isZero(); // it wrote what it planned
    assertThat(fixed.err()).isEqualTo("fixed " + file + "\nfix: 1 file fixed, 1 object hardened\n");
    assertThat(after).startsWith("# the web pod\n").contains("name: web   # keep me\n");
    assertThat(again.exitCode()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(after);
    assertThat(scan.exitCode()).isZero();
  }

  @Test
  void standardInputGetsTheFixedTextOnStandardOutput() {
    CliRun run = CliRun.withStdin(POD, "fix", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("# the web pod\n").contains("readOnlyRootFilesystem: true");
  }

  @Test
  void diffOfStandardInputIsADiffNotTheFixedText() {
    CliRun run = CliRun.withStdin(POD, "fix", "--diff", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            """
            --- -
            +++ -
            @@ -6,6 +6,22 @@
             spec:
               securityContext:
                 runAsNonRoot: true
            +    seccompProfile:
            +      type: RuntimeDefault
               containers:
                 - name: web
                   image: ghcr.io/example/web:1
            +      securityContext:
            +        readOnlyRootFilesystem: true
            +        allowPrivilegeEscalation: false
            +        capabilities:
            +          drop:
            +            - ALL
            +      volumeMounts:
            +        - name: tmp
            +          mountPath: /tmp
            +  volumes:
            +    - name: tmp
            +      emptyDir:
            +        medium: Memory
            +        sizeLimit: 64Mi
            """);
  }

  @Test
  void anUnknownProfileListsTheLevelsFixWrites() {
    CliRun run = CliRun.withStdin(POD, "fix", "-p", "baseline", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            """
            error: --profile: invalid value "baseline": must be one of restricted, hardened
            See 'rootlock fix --help' for usage.
            """);
  }

  @Test
  void writeAndDiffExcludeEachOther() {
    CliRun run = CliRun.of("fix", "--write", "--diff", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --write, --diff are mutually exclusive");
  }

  @Test
  void anUnknownCheckListsTheFixableOnes() {
    CliRun run = CliRun.of("fix", "--only", "nonsense", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: --only: unknown check; fixable checks are ");
  }

  @Test
  void anUnparsableFileIsLeftUntouchedAndNamed() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: Pod\nspec: [oops\n");

    CliRun run = CliRun.of("fix", "--write", bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(bad.toString());
    assertThat(Files.readString(bad, StandardCharsets.UTF_8)).isEqualTo("kind: Pod\nspec: [oops\n");
  }

  @Test
  void anArgoRolloutIsFixedInItsTemplateLikeADeployment() {
    CliRun run =
        CliRun.withStdin(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: {name: r}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: example/app
            """,
            "fix",
            "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("        readOnlyRootFilesystem: true\n");
  }

  @Test
  void aWorkloadKindMappingIsFixedAtItsTemplatePath() {
    String workflow =
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
                  image: example/app
        """;

    CliRun unmapped = CliRun.withStdin(workflow, "fix", "-");
    CliRun mapped =
        CliRun.withStdin(
            workflow, "fix", "--workload-kind", "Workflow.example.com=spec.runner.template", "-");

    assertThat(unmapped.out()).isEqualTo(workflow);
    assertThat(mapped.exitCode()).isEqualTo(1);
    assertThat(mapped.out()).contains("          readOnlyRootFilesystem: true\n");
  }

  @Test
  void aMisspelledKeyIsRenamedInPlaceNotDoubled() {
    CliRun run =
        CliRun.withStdin(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: typo}
            spec:
              containers:
              - name: app
                image: example/app
                securitycontext:
                  readOnlyRootFileSystem: true
            """,
            "fix",
            "--only",
            "readOnlyRootFilesystem",
            "-");

    assertThat(run.out())
        .isEqualTo(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: typo}
            spec:
              containers:
              - name: app
                image: example/app
                securityContext:
                  readOnlyRootFilesystem: true
            """);
    assertThat(run.err())
        .contains(
            "-: note: pod/typo: renamed spec.containers[0].securitycontext to securityContext"
                + " (kubectl's strict field validation refuses the misspelling)")
        .contains(
            "-: note: pod/typo: renamed"
                + " spec.containers[0].securityContext.readOnlyRootFileSystem to"
                + " readOnlyRootFilesystem");
  }

  private static final String HELM_OUTPUT =
      """
      ---
      # Source: web/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      ---
      # Source: web/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
            - name: web
              image: example/web
              securityContext:
                readOnlyRootFilesystem: false
      """;

  @Test
  void withoutPathFixIsAHelmPostRendererThatExitsZero() {
    CliRun run = CliRun.withStdin(HELM_OUTPUT, "fix", "--only", "allowPrivilegeEscalation");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            """
            ---
            # Source: web/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            ---
            # Source: web/templates/deployment.yaml
            """)
        .contains("          allowPrivilegeEscalation: false\n")
        .contains("          readOnlyRootFilesystem: false\n");
  }

  @Test
  void aPostRendererThatCannotReadItsInputFailsTheRenderWithNothingOnStandardOutput() {
    CliRun run = CliRun.withStdin("apiVersion: v1\nkind: Pod\nspec: [\n", "fix");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("-: error: cannot be read, left untouched: ");
  }

  private static final String BARE_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: %s
      spec:
        containers:
          - name: app
            image: ghcr.io/example/app:1
      """;

  private static final String NON_ROOT_NOTE =
      "runAsNonRoot: true stops the kubelet from starting an image whose user is root or a name;"
          + " set runAsUser to a numeric non-root user if the image does not run as one";

  @Test
  void checkListsTheFilesThatNeedFixingWritesNothingAndExitsOne() throws IOException {
    Path needs = Files.writeString(dir.resolve("a.yaml"), POD);
    Path fixed = dir.resolve("b.yaml");
    Files.writeString(fixed, POD);
    CliRun.of("fix", "--write", fixed.toString());
    String fixedText = Files.readString(fixed);

    CliRun check = CliRun.of("fix", "--check", dir.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(needs + "\n");
    assertThat(check.err()).isEqualTo("fix: 1 file to fix, 1 object to harden; 1 unchanged\n");
    assertThat(Files.readString(needs)).isEqualTo(POD);
    assertThat(Files.readString(fixed)).isEqualTo(fixedText);
  }

  @Test
  void checkExitsZeroWithNothingOnStandardOutputWhenNothingNeedsFixing() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.yaml"), POD);
    CliRun.of("fix", "--write", file.toString());

    CliRun check = CliRun.of("fix", "--check", file.toString());

    assertThat(check.exitCode()).isZero();
    assertThat(check.out()).isEmpty();
    assertThat(check.err()).isEqualTo("fix: 0 files to fix, 0 objects to harden; 1 unchanged\n");
  }

  @Test
  void checkWithDiffPrintsThePatchAndNamesEachFileOnStandardError() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.yaml"), POD);
    String diff = CliRun.of("fix", file.toString()).out();

    CliRun check = CliRun.of("fix", "--check", "--diff", file.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(diff).startsWith("--- " + file + "\n");
    assertThat(check.err())
        .isEqualTo("would fix " + file + "\nfix: 1 file to fix, 1 object to harden\n");
    assertThat(Files.readString(file)).isEqualTo(POD);
  }

  @Test
  void checkAndWriteExcludeEachOther() {
    CliRun run = CliRun.of("fix", "--check", "--write", "x.yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: --check and --write exclude each other: --check writes nothing\n");
  }

  @Test
  void aDockerfileInADirectoryGetsANoteNotAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("pod.yaml"), POD);
    Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");

    CliRun run = CliRun.of("fix", "--write", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "fixed "
                + file
                + "\n"
                + dockerfile
                + ": note: not fixed: a Dockerfile (fix rewrites Kubernetes manifests and Compose"
                + " files); `rootlock scan` reports its findings\n"
                + "fix: 1 file fixed, 1 object hardened; 1 skipped; notes: 1 Dockerfile not fixed\n");
    assertThat(Files.readString(dockerfile)).isEqualTo("FROM busybox\n");
  }

  @Test
  void aNoteSaidInSeveralFilesIsPrintedOnceWithItsCountAndFiles() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), BARE_POD.formatted("a"));
    Path b = Files.writeString(dir.resolve("b.yaml"), BARE_POD.formatted("b"));
    Path c = Files.writeString(dir.resolve("c.yaml"), BARE_POD.formatted("c"));
    Path d = Files.writeString(dir.resolve("d.yaml"), BARE_POD.formatted("d"));

    CliRun run = CliRun.of("fix", "--write", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .isEqualTo(
            "fixed "
                + a
                + "\nfixed "
                + b
                + "\nfixed "
                + c
                + "\nfixed "
                + d
                + "\n"
                + a
                + ", "
                + b
                + ", "
                + c
                + " and 1 more file: note (4 times): "
                + NON_ROOT_NOTE
                + "\nfix: 4 files fixed, 4 objects hardened;"
                + " notes: 4 runAsNonRoot needs a numeric user\n");
  }

  @Test
  void aNoteSaidInOneFileKeepsItsObjectAndContainer() throws IOException {
    Path a = Files.writeString(dir.resolve("a.yaml"), BARE_POD.formatted("a"));

    CliRun run = CliRun.of("fix", "--check", a.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            a
                + ": note: pod/a: container \"app\": "
                + NON_ROOT_NOTE
                + "\nfix: 1 file to fix, 1 object to harden;"
                + " notes: 1 runAsNonRoot needs a numeric user\n");
  }

  @Test
  void checkReadsStandardInputWithoutPathAndNamesItDash() {
    CliRun run = CliRun.withStdin(POD, "fix", "--check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("-\n");
    assertThat(run.err()).isEmpty();
  }
}
