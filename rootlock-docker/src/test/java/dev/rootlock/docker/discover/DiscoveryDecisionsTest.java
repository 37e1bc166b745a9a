package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.FakeDockerEngine;
import dev.rootlock.docker.FakeDockerEngine.Run;
import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.discover.DiscoveryReport.Hardening;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import dev.rootlock.model.image.Medium;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Discovery's decisions, on a scripted engine: which trial comes next, what a refused write adds,
 * when it stops and what it reports. The image is a job ({@code /app/run.sh}) that writes files in
 * order and exits 0; under a read-only root the first write outside its tmpfs mounts fails as
 * busybox reports it. The real-engine ITs (busybox-app, nginx) prove the same pipeline on Docker.
 */
class DiscoveryDecisionsTest {

  private static final String IMAGE = "rl-et/job";
  private static final String MEM = "rw,noexec,nosuid,nodev,size=16m";
  private static final String DISK = "rw,noexec,nosuid,nodev,size=256m";
  private static final String NO_EXERCISE =
      "no --exercise command was given: writes made only on some code paths (uploads, lazy saves at"
          + " shutdown, plugin installs) were not triggered and are not proven";

  private final FakeDockerEngine engine =
      new FakeDockerEngine()
          .withImage(
              new ImageConfig(
                  "sha256:fake",
                  "",
                  "/app",
                  List.of("PATH=/usr/bin:/bin"),
                  List.of("/app/run.sh"),
                  List.of(),
                  Set.of()))
          .withFile("/app/run.sh", "#!/bin/sh\n")
          .withFile(
              "/etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n")
          .withFile("/etc/group", "root:x:0:\napp:x:1000:\n")
          .withDirectory("/var/cache/app", 0755, 0, 0)
          .withDirectory("/run/app", 0755, 0, 0)
          .withDirectory("/srv/app", 0755, 0, 0)
          .withDirectory("/etc/app", 0755, 0, 0);

  @Test
  void eachRefusedWriteAddsItsDirectoryAndTheFirstTrialThatPassesEndsTheSearch() {
    engine.running(
        job(List.of("/var/cache/app/index", "/run/app/app.pid"), Set.of("/run/app/app.pid"), null));

    DiscoveryReport report = discover(DiscoverRequest.of(IMAGE));

    assertThat(runs())
        .containsExactly(
            "writable {}",
            "read-only {/var/cache/app=" + DISK + "}",
            "read-only {/run/app=" + MEM + ", /var/cache/app=" + DISK + "}",
            "read-only as 65534:65534 {/run/app="
                + MEM
                + ",uid=65534,gid=65534, /var/cache/app="
                + DISK
                + ",uid=65534,gid=65534}");
    assertThat(trials(report))
        .containsExactly(
            "1 as root, the capabilities it needs: failed, added [/run/app]",
            "2 as root, the capabilities it needs: passed, added []",
            "3 as non-root 65534:65534, no capabilities: passed, added []");
    assertThat(report.provenByTrial()).isEqualTo(2);
    assertThat(report.proposals())
        .containsExactly(
            new WritablePath(
                "/run/app",
                Medium.MEMORY,
                MEM,
                16,
                List.of(
                    "log: /app/run.sh: line 2:"
                        + " can't create /run/app/app.pid: Read-only file system"),
                ""),
            new WritablePath(
                "/var/cache/app",
                Medium.DISK,
                DISK,
                256,
                List.of("diff: A /var/cache/app/index"),
                ""));
    assertThat(report.refusals()).isEmpty();
    assertThat(hardenings(report))
        .containsExactly(
            "as root (the image's user), no capabilities: trial 2",
            "as non-root 65534:65534 (nobody), no capabilities: trial 3");
    assertThat(report.unproven()).containsExactly(NO_EXERCISE);
    assertThat(report.staticFindings().codeDirs()).containsExactly("/app");
    assertEveryContainerRemoved();
  }

  @Test
  void progressIsToldOfEachRunAsItStartsWithItsNumberAndTheMostThereCanBe() {
    engine.running(
        job(List.of("/var/cache/app/index", "/run/app/app.pid"), Set.of("/run/app/app.pid"), null));
    List<String> told = new ArrayList<>();

    new Discovery(engine, new HostProc(Path.of("/nonexistent")))
        .discover(
            DiscoverRequest.of(IMAGE),
            (run, runs, what) -> told.add(run + "/" + runs + " " + what + " (" + runs() + ")"));

    // Told before each run starts: the engine has started the runs before it, not this one. The
    // limit is 5 trials plus 2 for the non-root way, then shrinks to what that way can still use.
    assertThat(told)
        .containsExactly(
            "0/7 writable run (evidence: what the image writes) ([])",
            "1/7 as root, the capabilities it needs (" + runs().subList(0, 1) + ")",
            "2/7 as root, the capabilities it needs (" + runs().subList(0, 2) + ")",
            "3/4 as non-root 65534:65534, no capabilities (" + runs().subList(0, 3) + ")");
  }

  @Test
  void theTextsTablesFitEightyColumnsAndWideGivesEveryColumn() {
    engine.running(
        job(List.of("/var/cache/app/index", "/run/app/app.pid"), Set.of("/run/app/app.pid"), null));
    DiscoveryReport report = discover(DiscoverRequest.of(IMAGE));

    String narrow = DiscoveryOutput.text(report);
    String wide = DiscoveryOutput.text(report, true);

    assertThat(narrow)
        .contains(
            """

              TRIAL   USER          TMPFS   CAP-ADD   ENDED    REFUSED   PROVEN
              1       root          1       none      exit 1   1         no
              2       root          2       none      exit 0   0         yes
              3       65534:65534   2       none      exit 0   0         yes
            """)
        .contains(
            """
            Writable paths:
              PATH             MEDIUM   SIZE
              /run/app         memory   16Mi
            """);
    assertThat(wide)
        .contains(
            """

              TRIAL   USER          TMPFS   CAP-ADD   ENDED    REFUSED           ADDED      PROVEN
              1       root          1       none      exit 1   1 writes, 0 ops   /run/app   no
            """)
        .contains("\n  PATH             MEDIUM   MOUNT\n  /run/app         memory   " + MEM + "\n");
    // Only what ran is longer: the docker run lines, never cut.
    assertThat(narrow.lines().filter(line -> line.length() > 80))
        .allMatch(line -> line.startsWith("docker run "));
  }

  @Test
  void anImageThatWritesNothingIsProvenByTheFirstTrialAndSaysItNeedsNoWritablePath() {
    engine.running(job(List.of(), Set.of(), null));

    DiscoveryReport report = discover(DiscoverRequest.of(IMAGE));

    assertThat(report.proposals()).isEmpty();
    assertThat(DiscoveryOutput.text(report))
        .contains(
            """
              1       root          0       none      exit 0   0         yes
              2       65534:65534   0       none      exit 0   0         yes

            Writable paths: none

            """)
        .doesNotContain("PATH   MEDIUM");
  }

  @Test
  void aTrialThatTeachesNothingNewEndsTheSearchUnproven() {
    engine.running(job(List.of("/var/cache/app/index"), Set.of(), "fatal: license check failed"));

    DiscoveryReport report = discover(DiscoverRequest.of(IMAGE));

    // One trial, not five: an identical run would fail the same way.
    assertThat(runs())
        .containsExactly(
            "writable {}",
            "read-only {/var/cache/app=" + DISK + "}",
            "read-only as 65534:65534 {/var/cache/app=" + DISK + ",uid=65534,gid=65534}");
    assertThat(trials(report))
        .containsExactly(
            "1 as root, the capabilities it needs: failed, added []",
            "2 as non-root 65534:65534, no capabilities: failed, added []");
    assertThat(report.provenByTrial()).isZero();
    assertThat(report.hardenings())
        .extracting(Hardening::provenByTrial, Hardening::why)
        .containsExactly(
            tuple(
                0,
                "trial 1 exited with status 3; last log lines:" + " fatal: license check failed"),
            tuple(
                0,
                "trial 2 exited with status 3; last log lines:" + " fatal: license check failed"));
    // The summary names the last trial run, which is the non-root alternative's.
    assertThat(report.unproven())
        .containsExactly(
            "no trial proved the proposal: trial 2 exited with status 3 and its logs named no new"
                + " path to make writable",
            NO_EXERCISE);
    assertEveryContainerRemoved();
  }

  @Test
  void aNonRootUserGetsOwnedMountsAndTheSearchStopsAtMaxTrials() {
    // /srv/app, found by the last trial allowed, is proposed unmounted: still at its floor size.
    engine.running(
        job(
            List.of("/var/cache/app/index", "/run/app/app.pid", "/srv/app/state"),
            Set.of("/run/app/app.pid", "/srv/app/state"),
            null));
    DiscoverRequest request =
        new DiscoverRequest(
            IMAGE, List.of(), List.of(), "app", "", DiscoverRequest.DEFAULT_DURATION, 2, "none");

    DiscoveryReport report = discover(request);

    String owned = ",uid=1000,gid=1000";
    assertThat(runs())
        .containsExactly(
            "writable as app {}",
            "read-only as app {/var/cache/app=" + DISK + owned + "}",
            "read-only as app {/run/app=" + MEM + owned + ", /var/cache/app=" + DISK + owned + "}");
    assertThat(trials(report))
        .containsExactly(
            "1 as app: failed, added [/run/app]", "2 as app: failed, added [/srv/app]");
    assertThat(report.uid()).isEqualTo(1000);
    assertThat(report.proposals())
        .extracting(WritablePath::path, WritablePath::tmpfsOptions)
        .containsExactly(
            tuple("/run/app", MEM + owned),
            tuple("/srv/app", DISK + owned),
            tuple("/var/cache/app", DISK + owned));
    assertThat(report.proposals().get(0).note())
        .isEqualTo(
            "/run/app exists in the image as 0755 owned by 0:0, and a tmpfs mounted over it keeps"
                + " that mode (mode= is overridden), so user app (uid 1000) could not write it: the"
                + " tmpfs gets uid=1000,gid=1000. Alternatively point the application at a path"
                + " that does not exist in the image (a new mount point gets mode 1777), e.g."
                + " TMPDIR=/scratch with a tmpfs at /scratch.");
    assertThat(hardenings(report))
        .containsExactly(
            "as user app: not proven, trial 2 exited with status 1, refused: /app/run.sh: line 3:"
                + " can't create /srv/app/state: Read-only file system");
    assertThat(report.unproven())
        .containsExactly(
            "no trial proved the proposal: trial 2 exited with status 1 and still found new paths"
                + " after --max-trials 2",
            NO_EXERCISE);
    assertEveryContainerRemoved();
  }

  @Test
  void aWriteUnderEtcIsRefusedNotMounted() {
    engine.running(job(List.of("/etc/app/app.conf"), Set.of("/etc/app/app.conf"), null));

    DiscoveryReport report = discover(DiscoverRequest.of(IMAGE));

    assertThat(runs())
        .containsExactly("writable {}", "read-only {}", "read-only as 65534:65534 {}");
    assertThat(trials(report))
        .containsExactly(
            "1 as root, the capabilities it needs: failed, added []",
            "2 as non-root 65534:65534, no capabilities: failed, added []");
    assertThat(report.proposals()).isEmpty();
    assertThat(report.refusals())
        .extracting(RefusedPath::path, RefusedPath::evidence)
        .containsExactly(
            tuple(
                "/etc/app",
                List.of(
                    "log: /app/run.sh: line 1: can't create /etc/app/app.conf: Read-only file"
                        + " system")));
    assertThat(report.refusals().get(0).reason()).startsWith("/etc holds identity");
    // The evidence under a refusal is cut at 80 columns like every other line, whole when wide.
    assertThat(DiscoveryOutput.text(report))
        .contains(
            "\n      log: /app/run.sh: line 1: can't create /etc/app/app.conf: Read-only file …\n");
    assertThat(DiscoveryOutput.text(report, true))
        .contains(
            "\n      log: /app/run.sh: line 1: can't create /etc/app/app.conf: Read-only file"
                + " system\n");
    assertEveryContainerRemoved();
  }

  @Test
  void anImageThatFailsEvenWritableWithoutNamingAPathStopsBeforeAnyTrial() {
    engine.running(spec -> Run.exited(2, "panic: no config\n", List.of()));

    assertThatThrownBy(() -> discover(DiscoverRequest.of(IMAGE)))
        .isInstanceOf(DiscoveryException.class)
        .hasMessage(
            IMAGE
                + " exits with status 2 even with a writable root file system, and its logs name no"
                + " path it could not write, so there is nothing to harden yet. Last log lines:\n"
                + "panic: no config");
    assertThat(runs()).containsExactly("writable {}");
    assertEveryContainerRemoved();
  }

  private DiscoveryReport discover(DiscoverRequest request) {
    return new Discovery(engine, new HostProc(Path.of("/nonexistent"))).discover(request);
  }

  /**
   * A job that writes {@code files} in order and exits 0, its diff listing all but {@code hidden}
   * (written, then removed) with their parent directories as changed; under a read-only root the
   * first write outside a tmpfs exits 1 with busybox's message, and {@code readOnlyFailure}, when
   * set, is how it fails under a read-only root even with every write in place.
   */
  private static FakeDockerEngine.Application job(
      List<String> files, Set<String> hidden, String readOnlyFailure) {
    return spec -> {
      for (int line = 1; line <= files.size(); line++) {
        String file = files.get(line - 1);
        if (spec.readOnlyRoot()
            && spec.tmpfs().keySet().stream().noneMatch(mount -> file.startsWith(mount + "/"))) {
          return Run.exited(
              1,
              "/app/run.sh: line " + line + ": can't create " + file + ": Read-only file system\n",
              List.of());
        }
      }
      if (spec.readOnlyRoot() && readOnlyFailure != null) {
        return Run.exited(3, readOnlyFailure + "\n", List.of());
      }
      TreeMap<String, FileChange.Kind> diff = new TreeMap<>();
      for (String file : files) {
        if (!hidden.contains(file)) {
          for (String dir = MountPoints.parent(file);
              !dir.equals("/");
              dir = MountPoints.parent(dir)) {
            diff.put(dir, FileChange.Kind.MODIFIED);
          }
          diff.put(file, FileChange.Kind.ADDED);
        }
      }
      List<FileChange> changes = new ArrayList<>();
      diff.forEach((path, kind) -> changes.add(new FileChange(path, kind)));
      return Run.exited(0, "done\n", changes);
    };
  }

  /** Every started container as {@code read-only as USER {tmpfs}}: the trial sequence. */
  private List<String> runs() {
    return engine.started.stream().map(DiscoveryDecisionsTest::describe).toList();
  }

  private static String describe(ContainerSpec spec) {
    return (spec.readOnlyRoot() ? "read-only" : "writable")
        + (spec.user().isEmpty() ? "" : " as " + spec.user())
        + " "
        + new TreeMap<>(spec.tmpfs())
        + (spec.capAdd().isEmpty() ? "" : " --cap-add " + spec.capAdd());
  }

  private static List<String> trials(DiscoveryReport report) {
    return report.trials().stream()
        .map(
            t ->
                t.number()
                    + " "
                    + t.purpose()
                    + ": "
                    + (t.passed() ? "passed" : "failed")
                    + ", added "
                    + t.added())
        .toList();
  }

  private static List<String> hardenings(DiscoveryReport report) {
    return report.hardenings().stream()
        .map(
            h ->
                h.label()
                    + ": "
                    + (h.proven() ? "trial " + h.provenByTrial() : "not proven, " + h.why()))
        .toList();
  }

  /** The probe (created, never started) and every trial container are gone afterwards. */
  private void assertEveryContainerRemoved() {
    assertThat(engine.created.get(0).cmd()).containsExactly("rootlock-probe");
    assertThat(engine.created).hasSize(engine.started.size() + 1);
    List<String> ids = new ArrayList<>();
    for (int n = 1; n <= engine.created.size(); n++) {
      ids.add(String.format("%064d", n));
    }
    assertThat(engine.removed).containsExactlyInAnyOrderElementsOf(ids);
  }
}
