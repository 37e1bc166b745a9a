package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The busybox app writes a pid file, a temp file and a file under /etc. */
@ExtendWith(RealEngine.class)
class BusyboxAppDiscoveryIT {

  private static final String IMAGE = "rootlock-test/busybox-app:latest";

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();

  /** The runs this test made: only their containers are ours on an engine other runs share. */
  private final List<String> runIds = new java.util.ArrayList<>();

  @AfterEach
  void nothingLeftBehind() {
    for (String runId : runIds) {
      assertThat(engine.containersLabelled(Discovery.LABEL, runId)).as("run " + runId).isEmpty();
    }
    engine.close();
  }

  private DiscoveryReport discover(String user) {
    DiscoveryReport report =
        new Discovery(engine)
            .discover(DiscoverRequest.of(IMAGE).withUser(user).withDuration(Duration.ofSeconds(3)));
    runIds.add(report.runId());
    return report;
  }

  @Test
  void proposesRunAndTmpAndRefusesEtcWithAnExplanation() {
    DiscoveryReport report = discover("");

    assertThat(report.proposals()).extracting(WritablePath::path).containsExactly("/run", "/tmp");
    assertThat(report.proposals())
        .extracting(WritablePath::tmpfsOptions)
        .containsExactly("rw,noexec,nosuid,nodev,size=16m", "rw,noexec,nosuid,nodev,size=64m");
    assertThat(report.refusals()).extracting(RefusedPath::path).containsExactly("/etc");
    RefusedPath etc = report.refusals().get(0);
    assertThat(etc.evidence()).contains("diff: A /etc/app.conf");
    assertThat(etc.reason()).startsWith("/etc holds identity (passwd, shadow)");
    assertThat(report.proven()).isTrue();
    assertThat(report.unproven())
        .contains(
            "the application still tries to write /etc/app.conf"
                + " (refused, see below); trial "
                + report.provenByTrial()
                + " shows it keeps running without it");
    assertThat(report.staticFindings().codeDirs()).isEqualTo(List.of("/app"));
  }

  @Test
  void nonRootUserGetsTmpfsOwnershipBecauseImageDirsAre0755Root() {
    DiscoveryReport report = discover("1000");

    assertThat(report.uid()).isEqualTo(1000);
    assertThat(report.proposals())
        .extracting(WritablePath::tmpfsOptions)
        .containsExactly(
            "rw,noexec,nosuid,nodev,size=16m,uid=1000,gid=1000",
            "rw,noexec,nosuid,nodev,size=64m,uid=1000,gid=1000");
    assertThat(report.proposals().get(1).note())
        .startsWith(
            "/tmp exists in the image as 0755"
                + " owned by 0:0, and a tmpfs mounted over it keeps that mode (mode= is overridden), so"
                + " user 1000 (uid 1000) could not write it: the tmpfs gets uid=1000,gid=1000.");
    assertThat(report.proven()).isTrue();
  }
}
