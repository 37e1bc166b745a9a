package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FileResult.Status;
import dev.rootlock.model.fix.FixReport;
import dev.rootlock.source.AtomicWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Fixer}: files, diffs, atomic writes and every way a file can go wrong. */
class FixerTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: registry.example/app:1
      """;

  private static final String POD_FIXED =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: app
          image: registry.example/app:1
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities:
              drop:
              - ALL
            runAsNonRoot: true
          volumeMounts:
          - name: tmp
            mountPath: /tmp
        securityContext:
          seccompProfile:
            type: RuntimeDefault
        volumes:
        - name: tmp
          emptyDir:
            medium: Memory
            sizeLimit: 64Mi
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Fixer fixer() {
    return new Fixer(FixOptions.defaults());
  }

  @Test
  void planProposesAUnifiedDiffAndWritesNothing() throws IOException {
    Path file = write("pod.yaml", POD);

    FixReport report = fixer().plan(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.CHANGED);
    assertThat(report.written()).isFalse();
    assertThat(Files.readString(file)).isEqualTo(POD);
    FileResult result = report.files().get(0);
    assertThat(result.status()).isEqualTo(Status.CHANGED);
    assertThat(result.fixed()).isEqualTo(POD_FIXED);
    assertThat(result.diff())
        .isEqualTo(
            "--- "
                + file
                + "\n+++ "
                + file
                + "\n"
                + """
                @@ -6,3 +6,21 @@
                   containers:
                   - name: app
                     image: registry.example/app:1
                +    securityContext:
                +      readOnlyRootFilesystem: true
                +      allowPrivilegeEscalation: false
                +      capabilities:
                +        drop:
                +        - ALL
                +      runAsNonRoot: true
                +    volumeMounts:
                +    - name: tmp
                +      mountPath: /tmp
                +  securityContext:
                +    seccompProfile:
                +      type: RuntimeDefault
                +  volumes:
                +  - name: tmp
                +    emptyDir:
                +      medium: Memory
                +      sizeLimit: 64Mi
                """);
    assertThat(result.notes())
        .containsExactly(
            "pod/web: container \"app\": runAsNonRoot: true stops the kubelet from starting an"
                + " image whose user is root or a name; set runAsUser to a numeric non-root user if"
                + " the image does not run as one");
  }

  @Test
  void applyReplacesTheFileKeepingItsPermissionsAndLeavesNoTemporaryFile() throws IOException {
    Path file = write("pod.yaml", POD);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    FixReport report = fixer().apply(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(report.written()).isTrue();
    assertThat(Files.readString(file)).isEqualTo(POD_FIXED);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pod.yaml");
    }
  }

  @Test
  void applyKeepsAnotherUsersOwnerAndGroup() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Integer.valueOf(0).equals(Files.getAttribute(dir, "unix:uid"))
            && "root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    Path file = write("pod.yaml", POD);
    Files.setAttribute(file, "unix:gid", 4321);
    Files.setAttribute(file, "unix:uid", 1234);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    fixer().apply(List.of(file.toString()), false);

    assertThat(Files.readString(file)).isEqualTo(POD_FIXED);
    assertThat(Files.readAttributes(file, "unix:uid,gid,mode"))
        .containsEntry("uid", 1234)
        .containsEntry("gid", 4321)
        .containsEntry("mode", 0100664);
  }

  @Test
  void aFixedFileIsUnchangedAndExitsZero() throws IOException {
    Path file = write("pod.yaml", POD_FIXED);

    FixReport report = fixer().apply(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(report.files().get(0).status()).isEqualTo(Status.UNCHANGED);
    assertThat(report.files().get(0).diff()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(POD_FIXED);
  }

  @Test
  void aSymlinkIsRefusedWithoutFollowSymlinksAndItsTargetFixedWithIt() throws IOException {
    Path target = write("real.yaml", POD);
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target.getFileName());

    FixReport refused = fixer().apply(List.of(link.toString()), false);

    assertThat(refused.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(refused.files().get(0).error())
        .isEqualTo("is a symbolic link; not fixed (--follow-symlinks fixes the file it points to)");
    assertThat(Files.readString(target)).isEqualTo(POD);

    FixReport followed = fixer().apply(List.of(link.toString()), true);

    assertThat(followed.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo(POD_FIXED);
  }

  @Test
  void aReadOnlyFileIsAnErrorAndTheOtherFilesAreStillFixed() throws IOException {
    Path locked = write("a-locked.yaml", POD);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
    Path open = write("b-open.yaml", POD);

    FixReport report = fixer().apply(List.of(dir.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.files())
        .extracting(FileResult::status)
        .containsExactly(Status.ERROR, Status.CHANGED);
    assertThat(report.files().get(0).error()).isEqualTo("is read-only; not written");
    assertThat(Files.readString(locked)).isEqualTo(POD);
    assertThat(Files.readString(open)).isEqualTo(POD_FIXED);
  }

  @Test
  void aFileChangedOnDiskBetweenReadAndWriteIsNotOverwritten() throws IOException {
    Path file = write("pod.yaml", POD);
    String edited = POD + "# edited meanwhile\n";
    Fixer fixer =
        new Fixer(
            FixOptions.defaults(),
            inputStreamOf(""),
            target -> Files.writeString(target, edited, StandardCharsets.UTF_8));

    FixReport report = fixer.apply(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.files().get(0).error())
        .isEqualTo("changed on disk since it was read; not overwritten");
    assertThat(Files.readString(file)).isEqualTo(edited);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void aFileThatVanishesBeforeTheWriteIsReported() throws IOException {
    Path file = write("pod.yaml", POD);
    Fixer fixer = new Fixer(FixOptions.defaults(), inputStreamOf(""), Files::delete);

    FixReport report = fixer.apply(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.files().get(0).error())
        .isEqualTo("vanished before it could be written; nothing written");
    assertThat(Files.exists(file)).isFalse();
  }

  @Test
  void anUnreadableFileAndAMissingPathAreErrorsWhileTheRestIsFixed() throws IOException {
    Path broken = write("broken.yaml", "kind: Pod\nspec: [unclosed\n");
    Path good = write("good.yaml", POD);

    FixReport report =
        fixer()
            .apply(
                List.of(broken.toString(), dir.resolve("missing.yaml").toString(), good.toString()),
                false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.inputErrors())
        .extracting(Object::toString)
        .containsExactly(dir.resolve("missing.yaml") + ": no such file or directory");
    assertThat(report.files().get(0).error())
        .isEqualTo(
            "cannot be read, left untouched: "
                + broken
                + ":3:1: expected ',' or ']', but got <stream end> (while parsing a flow sequence"
                + " at 2:7)");
    assertThat(Files.readString(broken)).isEqualTo("kind: Pod\nspec: [unclosed\n");
    assertThat(Files.readString(good)).isEqualTo(POD_FIXED);
  }

  @Test
  void standardInputIsFixedIntoTheResultAndNeverWritten() {
    Fixer fixer =
        new Fixer(FixOptions.defaults(), inputStreamOf(POD), AtomicWriter.BeforeReplace.NONE);

    FixReport report = fixer.apply(List.of("-"), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(report.files().get(0).file()).isEqualTo("-");
    assertThat(report.files().get(0).fixed()).isEqualTo(POD_FIXED);
    assertThat(report.files().get(0).diff()).startsWith("--- -\n+++ -\n@@ -6,3 +6,21 @@\n");
  }

  @Test
  void aComposeFileIsToldApartByItsContent() throws IOException {
    Path file = write("stack.yaml", "services:\n  app:\n    image: registry.example/app:1\n");

    FixReport report = fixer().apply(List.of(file.toString()), false);

    assertThat(Files.readString(file))
        .isEqualTo(
            """
            services:
              app:
                image: registry.example/app:1
                read_only: true
                tmpfs:
                - /tmp:rw,noexec,nosuid,size=64m
                cap_drop:
                - ALL
                security_opt:
                - no-new-privileges:true
            """);
    assertThat(report.files().get(0).notes())
        .containsExactly(
            "service \"app\": runs as the image's user; give a non-root user with --user to set"
                + " one");
  }

  @Test
  void onlyAcceptsChecksRootlockCanFix() {
    assertThatThrownBy(() -> new Fixer(FixOptions.defaults().withOnly(Set.of("privileged"))))
        .hasMessage(
            "--only: unknown check; fixable checks are allowPrivilegeEscalation,"
                + " capabilities_restricted, misplacedReadOnlyRootFilesystem, noNewPrivileges,"
                + " readOnly, readOnlyRootFilesystem, runAsNonRoot, seccompProfile_restricted,"
                + " tmpfs, user");
    assertThatThrownBy(() -> FixOptions.defaults().withTmpSize("64MB"))
        .hasMessage("invalid --tmp-size \"64MB\": give a size in Ki, Mi or Gi, such as 64Mi");
  }

  private static ByteArrayInputStream inputStreamOf(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHardLinkedFileIsRefusedSoItsOtherNamesDoNotKeepTheOldText() throws IOException {
    Path file = write("pod.yaml", POD);
    Path other = Files.createLink(dir.resolve("other.yaml"), file);

    FixReport report = fixer().apply(List.of(file.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.files().get(0).error())
        .isEqualTo(
            "has other hard links; not fixed (a rewrite would part this name from them: fix the"
                + " file with --diff and apply the patch)");
    assertThat(Files.readString(file)).isEqualTo(POD);
    assertThat(Files.readString(other)).isEqualTo(POD);
  }

  @Test
  void aDeadRunsTemporaryFileIsRemovedAndALiveOnesIsKept() throws IOException {
    Path file = write("pod.yaml", POD);
    long dead = deadPid();
    Path stale = write(".pod.yaml." + dead + ".123456.rootlock", "half");
    Path live = write(".pod.yaml." + ProcessHandle.current().pid() + ".99.rootlock", "mine");
    Path unrelated = write(".pod.yaml.notapid.1.rootlock", "other");

    fixer().apply(List.of(file.toString()), false);

    assertThat(stale).doesNotExist();
    assertThat(live).exists();
    assertThat(unrelated).exists();
    assertThat(Files.readString(file)).isEqualTo(POD_FIXED);
  }

  @Test
  void eachFileIsReportedAsItIsWrittenAndASignalStopsBeforeTheNext() throws IOException {
    Path a = write("a.yaml", POD);
    Path b = write("b.yaml", POD);
    List<String> seen = new java.util.ArrayList<>();

    FixReport report =
        fixer()
            .run(
                List.of(dir.toString()),
                false,
                true,
                file -> seen.add(file.file() + " " + file.status()),
                () -> !seen.isEmpty());

    assertThat(seen).containsExactly(a + " CHANGED");
    assertThat(report.files()).hasSize(1);
    assertThat(Files.readString(a)).isEqualTo(POD_FIXED);
    assertThat(Files.readString(b)).isEqualTo(POD);
  }

  @Test
  void aDirectorySymlinkOutOfTheTreeIsNotFollowedWithoutTheFlag(@TempDir Path outside)
      throws IOException {
    Path victim = Files.writeString(outside.resolve("pod.yaml"), POD);
    Path link = Files.createSymbolicLink(dir.resolve("elsewhere"), outside);

    FixReport report = fixer().apply(List.of(dir.toString()), false);

    assertThat(report.files()).isEmpty();
    assertThat(report.inputErrors())
        .extracting(e -> e.file() + ": " + e.message())
        .containsExactly(
            link
                + ": is a symbolic link out of "
                + dir.toRealPath()
                + "; not read (--follow-symlinks reads it)",
            dir + ": no .yaml, .yml or .json files in this directory");
    assertThat(Files.readString(victim)).isEqualTo(POD);
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    FixReport report = fixer().apply(List.of(fifo.toString()), false);

    assertThat(report.files().get(0).error()).isEqualTo(dev.rootlock.source.InputFiles.NOT_REGULAR);
  }

  /** A process id that no process has: one just ended. */
  private static long deadPid() throws IOException {
    try {
      Process process = new ProcessBuilder("true").start();
      process.waitFor();
      return process.pid();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  @Test
  void aWrittenRunExitsZeroAndSaysHowManyObjectsItHardened() throws IOException {
    Path file = write("pod.yaml", POD);

    FixReport written = fixer().apply(List.of(file.toString()), false);

    assertThat(written.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(written.files().get(0).status()).isEqualTo(Status.CHANGED);
    assertThat(written.files().get(0).hardened()).isEqualTo(1);
  }

  @Test
  void aDockerfileFoundInADirectoryIsSkippedWithANoteAndTheRestIsFixed() throws IOException {
    write("Dockerfile", "FROM busybox\n");
    Path pod = write("pod.yaml", POD);

    FixReport report = fixer().apply(List.of(dir.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.UNCHANGED);
    assertThat(report.files())
        .extracting(FileResult::file, FileResult::status, FileResult::notes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                dir.resolve("Dockerfile").toString(),
                Status.SKIPPED,
                List.of(
                    "not fixed: a Dockerfile (fix rewrites Kubernetes manifests and Compose"
                        + " files); `rootlock scan` reports its findings")),
            org.assertj.core.groups.Tuple.tuple(
                pod.toString(),
                Status.CHANGED,
                List.of(
                    "pod/web: container \"app\": runAsNonRoot: true stops the kubelet from"
                        + " starting an image whose user is root or a name; set runAsUser to a"
                        + " numeric non-root user if the image does not run as one")));
    assertThat(Files.readString(dir.resolve("Dockerfile"))).isEqualTo("FROM busybox\n");
    assertThat(Files.readString(pod)).isEqualTo(POD_FIXED);
  }

  @Test
  void aDockerfileNamedOnItsOwnIsStillAnError() throws IOException {
    Path dockerfile = write("Dockerfile", "FROM busybox\n");

    FixReport report = fixer().plan(List.of(dockerfile.toString()), false);

    assertThat(report.exitCode()).isEqualTo(FixReport.ERROR);
    assertThat(report.files().get(0).error())
        .isEqualTo("is a Dockerfile; rootlock fix changes Kubernetes manifests and Compose files");
  }
}
