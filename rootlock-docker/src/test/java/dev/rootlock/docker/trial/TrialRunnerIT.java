package dev.rootlock.docker.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.RealEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.trial.RefusedOperation.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The trial engine against the real engine: Debian nginx under full hardening. */
@ExtendWith(RealEngine.class)
class TrialRunnerIT {

  private static final String IMAGE = "rootlock-test/nginx:latest";
  private static final List<TrialTmpfs> NGINX_TMPFS =
      List.of(
          TrialTmpfs.of("/run", 16),
          TrialTmpfs.of("/var/lib/nginx", 16),
          TrialTmpfs.of("/var/log/nginx", 16));

  private final DockerEngine engine = DockerJavaEngine.fromEnvironment();
  private final TrialJanitor janitor =
      new TrialJanitor(engine, TrialJanitor.LABEL, "rl-pd-" + TrialJanitor.newRunId(), line -> {});
  private final TrialRunner runner = new TrialRunner(engine, HostProc.host(), janitor);

  @AfterEach
  void nothingLeftBehind() {
    janitor.close();
    assertThat(engine.containersLabelled(TrialJanitor.LABEL, janitor.runId())).isEmpty();
    engine.close();
  }

  @Test
  void nginxWithoutCapabilitiesIsRefusedItsChown() {
    TrialOutcome outcome =
        runner.run(
            TrialSpec.hardened(IMAGE).withNetwork("none").withTmpfs(NGINX_TMPFS),
            Watch.upTo(Duration.ofSeconds(10)));

    assertThat(outcome.stayedUp()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.refusedOperations())
        .extracting(RefusedOperation::kind)
        .containsExactly(Kind.CHOWN);
    assertThat(outcome.refusedOperations().get(0).detail()).isEqualTo("/var/lib/nginx/body");
    assertThat(outcome.refusedWrites()).isEmpty();
    assertThat(outcome.proves(true)).isFalse();
  }

  @Test
  void nginxWithItsThreeCapabilitiesStaysUpAndTheWatchEndsEarly() {
    TrialSpec spec =
        TrialSpec.hardened(IMAGE)
            .withNetwork("none")
            .withTmpfs(NGINX_TMPFS)
            .withCapabilities(true, List.of("CHOWN", "SETUID", "SETGID"));
    TrialOutcome outcome = runner.run(spec, Watch.upTo(Duration.ofSeconds(20)));

    assertThat(outcome.stayedUp()).isTrue();
    assertThat(outcome.refusedOperations()).isEmpty();
    assertThat(outcome.refusedWrites()).isEmpty();
    assertThat(outcome.proves(true)).isTrue();
    assertThat(outcome.steady()).as("ended early, steady").isTrue();
    assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(20));
    assertThat(outcome.listeningPorts()).contains(80);
    assertThat(outcome.processIds()).anySatisfy(ids -> assertThat(ids[1]).isEqualTo(33));
  }

  @Test
  void nginxWithChownAloneIsRefusedSetgidInTheErrorLogOnItsTmpfs() {
    // The master stays up and prints nothing: its workers' refusals go to error.log only.
    TrialOutcome outcome =
        runner.run(
            TrialSpec.hardened(IMAGE)
                .withNetwork("none")
                .withTmpfs(NGINX_TMPFS)
                .withCapabilities(true, List.of("CHOWN")),
            Watch.upTo(Duration.ofSeconds(10)));

    assertThat(outcome.stayedUp()).isTrue();
    assertThat(outcome.logs()).isEmpty();
    assertThat(outcome.mountLogs())
        .containsOnlyKeys("/var/log/nginx/access.log", "/var/log/nginx/error.log");
    assertThat(outcome.mountLogs().get("/var/log/nginx/error.log"))
        .contains("[emerg] ", ": setgid(33) failed (1: Operation not permitted)\n");
    assertThat(outcome.refusedOperations())
        .extracting(RefusedOperation::kind, RefusedOperation::detail)
        .containsExactly(tuple(Kind.SETGID, "33"));
    assertThat(outcome.refusedWrites()).isEmpty();
    assertThat(outcome.proves(true)).isFalse();
  }

  @Test
  void nginxWithChownAndSetgidIsRefusedSetuidNext() {
    TrialOutcome outcome =
        runner.run(
            TrialSpec.hardened(IMAGE)
                .withNetwork("none")
                .withTmpfs(NGINX_TMPFS)
                .withCapabilities(true, List.of("CHOWN", "SETGID")),
            Watch.upTo(Duration.ofSeconds(10)));

    assertThat(outcome.refusedOperations())
        .extracting(RefusedOperation::kind, RefusedOperation::detail)
        .containsExactly(tuple(Kind.SETUID, "33"));
    assertThat(outcome.proves(true)).isFalse();
  }

  @Test
  void nginxAsRootWithoutItsLogMountIsRefusedTheWrite() {
    TrialOutcome outcome =
        runner.run(
            TrialSpec.hardened(IMAGE)
                .withNetwork("none")
                .withTmpfs(NGINX_TMPFS.subList(0, 2))
                .withCapabilities(true, List.of("CHOWN", "SETUID", "SETGID")),
            Watch.upTo(Duration.ofSeconds(10)));

    assertThat(outcome.proves(true)).isFalse();
    assertThat(outcome.refusedWrites())
        .extracting(RefusedWrite::path)
        .containsExactly("/var/log/nginx/error.log");
  }
}
