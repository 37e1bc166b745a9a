package dev.rootlock.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.Fixer;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FileResult.Status;
import dev.rootlock.model.fix.FixReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link FixSummary}: grouped notes and the last line of a run. */
class FixSummaryTest {

  private static final String NON_ROOT =
      "runAsNonRoot: true stops the kubelet from starting an image whose user is root or a name;"
          + " set runAsUser to a numeric non-root user if the image does not run as one";

  private static FileResult changed(String file, int hardened, String... notes) {
    return new FileResult(file, Status.CHANGED, "diff", List.of(notes), null, "text", hardened);
  }

  @Test
  void aNoteSaidInSeveralFilesIsOneLineWithItsCountAndFirstThreeFiles() {
    List<FileResult> files =
        List.of(
            changed(
                "a.yaml",
                2,
                "deployment/a: container \"a\": " + NON_ROOT,
                "deployment/b: containers \"x\", \"y\": " + NON_ROOT),
            changed("b.yaml", 1, "deployment/c: container \"c\": " + NON_ROOT),
            changed(
                "c.yaml",
                1,
                "statefulset/db: container \"db\": /data must persist: mount a"
                    + " PersistentVolumeClaim there"),
            changed("d.yaml", 1, "pod/p: container \"p\": " + NON_ROOT),
            changed("e.yaml", 1, "cronjob/j: container \"j\": " + NON_ROOT));

    assertThat(FixSummary.noteLines(files))
        .containsExactly(
            "a.yaml, b.yaml, d.yaml and 1 more file: note (5 times): " + NON_ROOT,
            "c.yaml: note: statefulset/db: container \"db\": /data must persist: mount a"
                + " PersistentVolumeClaim there");
  }

  @Test
  void aNoteRepeatedInOneFileOnlyStaysInFullForEachObject() {
    List<FileResult> files =
        List.of(
            changed(
                "a.yaml",
                2,
                "deployment/a: container \"a\": " + NON_ROOT,
                "deployment/b: container \"b\": " + NON_ROOT));

    assertThat(FixSummary.noteLines(files))
        .containsExactly(
            "a.yaml: note: deployment/a: container \"a\": " + NON_ROOT,
            "a.yaml: note: deployment/b: container \"b\": " + NON_ROOT);
  }

  @Test
  void composeServicesAndPodNotesLoseTheirSubjectWhenGrouped() {
    List<FileResult> files =
        List.of(
            changed(
                "compose.yaml",
                1,
                "service \"web\": runs as the image's user; give a non-root user with --user to set"
                    + " one"),
            changed(
                "other/compose.yaml",
                1,
                "service \"api\": runs as the image's user; give a non-root user with --user to"
                    + " set one"));

    assertThat(FixSummary.noteLines(files))
        .containsExactly(
            "compose.yaml, other/compose.yaml: note (2 times): runs as the image's user; give a"
                + " non-root user with --user to set one");
  }

  @Test
  void theSummaryCountsFilesObjectsAndNotesByKind() {
    FixReport written =
        new FixReport(
            List.of(
                changed(
                    "a.yaml",
                    2,
                    "deployment/a: container \"a\": " + NON_ROOT,
                    "deployment/b: container \"b\": " + NON_ROOT),
                changed("b.yaml", 1),
                new FileResult("c.yaml", Status.UNCHANGED, "", List.of(), null, "text"),
                FileResult.skipped("Dockerfile", Fixer.DOCKERFILE_NOTE),
                FileResult.error("bad.yaml", "cannot be read", List.of())),
            List.of(),
            true);

    assertThat(FixSummary.summary(written))
        .isEqualTo(
            "fix: 2 files fixed, 3 objects hardened; 1 unchanged, 1 skipped, 1 error;"
                + " notes: 2 runAsNonRoot needs a numeric user, 1 Dockerfile not fixed");
  }

  @Test
  void aPlannedRunSaysWhatIsToBeDone() {
    FixReport planned = new FixReport(List.of(changed("a.yaml", 1)), List.of(), false);

    assertThat(FixSummary.summary(planned)).isEqualTo("fix: 1 file to fix, 1 object to harden");
  }

  @Test
  void everyKindOfNoteTheFixerWritesHasItsLabel() {
    assertThat(NoteKind.of(Fixer.DOCKERFILE_NOTE)).isEqualTo(NoteKind.DOCKERFILE);
    assertThat(NoteKind.of("deployment/a: container \"a\": " + NON_ROOT))
        .isEqualTo(NoteKind.RUN_AS_NON_ROOT);
    assertThat(
            NoteKind.of(
                "deployment/f: container \"nginx\": its image starts as root and needs to (known"
                    + " image \"nginx\"), so capabilities.drop: [ALL] and runAsNonRoot: true would"
                    + " stop it from starting and were not added"))
        .isEqualTo(NoteKind.STARTS_AS_ROOT);
    assertThat(NoteKind.of("deployment/f: nginx: do not mount over /var/log/nginx"))
        .isEqualTo(NoteKind.IMAGE_ADVICE);
    assertThat(
            NoteKind.of(
                "pod/p: container \"w\": kept allowPrivilegeEscalation: true (set explicitly; run"
                    + " with --only allowPrivilegeEscalation to change it)"))
        .isEqualTo(NoteKind.KEPT);
    assertThat(
            NoteKind.of(
                "pod/p: container \"w\": changed allowPrivilegeEscalation from true to false"))
        .isEqualTo(NoteKind.CHANGED);
    assertThat(
            NoteKind.of(
                "pod/p: renamed spec.containers[0].securityContext.readOnlyRootFileSystem to"
                    + " readOnlyRootFilesystem (kubectl's strict field validation refuses the"
                    + " misspelling)"))
        .isEqualTo(NoteKind.RENAMED);
    assertThat(NoteKind.of("edited YAML anchor ctx, which every alias of it shares"))
        .isEqualTo(NoteKind.ANCHOR);
    assertThat(NoteKind.of("something new")).isEqualTo(NoteKind.OTHER);
  }
}
