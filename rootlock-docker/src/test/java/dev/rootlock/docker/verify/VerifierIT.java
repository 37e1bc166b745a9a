package dev.rootlock.docker.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.TestContainers;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.verify.VerifyReport.DrillAttempt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** verify on a --read-only container and on a plain one, through /proc, the API and the drill. */
@ExtendWith(RealEngine.class)
class VerifierIT {

  private static final String IMAGE = "rootlock-test/busybox:latest";
  private static final List<String> SLEEP = List.of("sleep", "300");
  private static final Map<String, String> TMP = Map.of("/tmp", "rw,noexec,nosuid,nodev,size=8m");

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TestContainers containers = new TestContainers(engine);

  @AfterEach
  void nothingLeftBehind() {
    containers.close();
    engine.close();
  }

  @Test
  void readOnlyContainerIsReadOnlyThroughProcAndEveryDrillAttemptIsBlocked() {
    String id = containers.start(IMAGE, SLEEP, true, TMP);

    VerifyReport report = new Verifier(engine).verify(id, true);

    assertThat(report.source()).isEqualTo("proc");
    assertThat(report.rootReadOnly()).isTrue();
    assertThat(report.writableMounts())
        .filteredOn(m -> m.path().equals("/tmp"))
        .singleElement()
        .satisfies(m -> assertThat(m.options()).startsWith("rw,nosuid,nodev,noexec"));
    assertThat(report.process().uid()).isEqualTo(0);
    assertThat(report.drill())
        .extracting(DrillAttempt::target)
        .contains("/etc", "/bin", "/tmp", "/dev/shm", "/");
    assertThat(report.drill()).allSatisfy(a -> assertThat(a.blocked()).as(a.toString()).isTrue());
    assertThat(report.drill())
        .filteredOn(a -> a.target().equals("/etc"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).endsWith("Read-only file system"));
    assertThat(report.protectionHolds()).isTrue();
  }

  @Test
  void plainContainerIsWritableThroughProcAndTheDrillWritesIntoEtc() {
    String id = containers.start(IMAGE, SLEEP, false, Map.of());

    VerifyReport report = new Verifier(engine).verify(id, true);

    assertThat(report.rootReadOnly()).isFalse();
    assertThat(report.drill())
        .filteredOn(a -> a.target().equals("/etc"))
        .singleElement()
        .satisfies(a -> assertThat(a.blocked()).isFalse());
    assertThat(report.problems())
        .contains(
            "the root file system is writable (per-mount options of / say rw)",
            "drill: write a file into /etc was NOT blocked");
    assertThat(report.protectionHolds()).isFalse();
  }

  @Test
  void withoutHostProcTheEngineApiTellsReadOnlyFromPlain() {
    Verifier blind = new Verifier(engine, new HostProc(Path.of("/nonexistent-proc")));
    String readOnly = containers.start(IMAGE, SLEEP, true, TMP);
    String plain = containers.start(IMAGE, SLEEP, false, Map.of());

    VerifyReport ro = blind.verify(readOnly, false);
    VerifyReport rw = blind.verify(plain, false);

    assertThat(ro.source()).isEqualTo("engine");
    assertThat(ro.rootReadOnly()).isTrue();
    assertThat(ro.protectionHolds()).isTrue();
    assertThat(rw.rootReadOnly()).isFalse();
    assertThat(rw.problems())
        .containsExactly(
            "the root file system is writable (the container was not started with --read-only)");
  }

  @Test
  void tmpfsOverAn0755ImageDirIsReportedUnwritableForANonRootUser() {
    String id =
        engine.create(
            new dev.rootlock.docker.ContainerSpec(
                IMAGE,
                SLEEP,
                List.of(),
                "1000",
                true,
                TMP,
                "none",
                Map.of(TestContainers.LABEL, "1")));
    try {
      engine.start(id);
      VerifyReport report = new Verifier(engine).verify(id, false);
      assertThat(report.writableMounts())
          .filteredOn(m -> m.path().equals("/tmp"))
          .singleElement()
          .satisfies(m -> assertThat(m.userCanWrite()).isFalse());
      assertThat(report.warnings())
          .anySatisfy(
              w ->
                  assertThat(w)
                      .startsWith(
                          "/tmp is mounted"
                              + " writable but the container's user (uid 1000) cannot write it"));
    } finally {
      engine.remove(id);
    }
  }
}
