package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A trial whose main process stayed up while the workers the writable run had are gone. */
class LostProcessesTest {

  private static final long[] MASTER = {1, 0, 0};
  private static final long[] WORKER = {7, 33, 33};

  @Test
  void workersMissingFromAServiceTrialAreLost() {
    assertThat(
            DiscoveryRun.lostProcesses(
                true, outcome(true, MASTER, WORKER, WORKER), outcome(true, MASTER)))
        .containsExactly("33:33");
  }

  @Test
  void allIdsPresentIsNothingLostWhateverTheCount() {
    assertThat(
            DiscoveryRun.lostProcesses(
                true, outcome(true, MASTER, WORKER, WORKER), outcome(true, MASTER, WORKER)))
        .isEmpty();
  }

  @Test
  void aJobAnExitedTrialOrAnUnseenProcessTreeIsNotJudged() {
    TrialOutcome observed = outcome(true, MASTER, WORKER);
    assertThat(DiscoveryRun.lostProcesses(false, observed, outcome(true, MASTER))).isEmpty();
    assertThat(DiscoveryRun.lostProcesses(true, observed, outcome(false, MASTER))).isEmpty();
    assertThat(DiscoveryRun.lostProcesses(true, observed, outcome(true))).isEmpty();
    assertThat(DiscoveryRun.lostProcesses(true, outcome(true), outcome(true, MASTER))).isEmpty();
  }

  private static TrialOutcome outcome(boolean stayedUp, long[]... processes) {
    return new TrialOutcome(
        TrialSpec.hardened("rootlock-test/nginx"),
        stayedUp,
        0,
        TrialOutcome.NO_EXERCISE,
        "",
        List.of(),
        List.of(),
        true,
        Set.of(80),
        List.of(processes),
        List.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        Duration.ofSeconds(3));
  }
}
