package dev.rootlock.docker.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.FakeDockerEngine;
import dev.rootlock.docker.HostProc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the trial engine leaves behind when the engine vanishes or the user presses Ctrl-C. */
class TrialCleanupTest {

  private final FakeDockerEngine engine = new FakeDockerEngine();
  private final List<String> messages = new ArrayList<>();
  private final TrialJanitor janitor =
      new TrialJanitor(engine, "dev.rootlock.trial", "run1", messages::add);

  @Test
  void ctrlCRemovesEveryContainerAndSaysWhich() {
    janitor.track("a".repeat(64));
    janitor.track("b".repeat(64));
    engine.labelled.add("c".repeat(64)); // created, but the Ctrl-C came before its id

    janitor.interrupted();

    assertThat(engine.removed).containsExactly("a".repeat(64), "b".repeat(64), "c".repeat(64));
    assertThat(messages)
        .containsExactly(
            "rootlock: interrupted; removed container(s)"
                + " aaaaaaaaaaaa, bbbbbbbbbbbb, cccccccccccc (label dev.rootlock.trial=run1)");
    janitor.close();
  }

  @Test
  void aCtrlCAfterTheRunSaysNothing() {
    janitor.close();

    janitor.interrupted();

    assertThat(messages).isEmpty();
  }

  @Test
  void anEngineThatDisappearsMidTrialFailsTheTrialWithTheEnginesReason() {
    engine.inspectsBeforeGone = 2;
    TrialRunner runner = new TrialRunner(engine, new HostProc(Path.of("/nonexistent")), janitor);

    DockerEngineException error =
        catchThrowableOfType(
            DockerEngineException.class,
            () -> runner.run(TrialSpec.hardened("img"), Watch.upTo(Duration.ofSeconds(30))));

    assertThat(error.reason()).isEqualTo(DockerEngineException.Reason.UNREACHABLE);
    assertThat(error.getMessage()).isEqualTo("Cannot connect to the Docker daemon");
    assertThat(engine.created).hasSize(1);
    assertThat(engine.created.get(0).labels()).isEqualTo(Map.of("dev.rootlock.trial", "run1"));
    // Nothing could be removed from a vanished engine; close() does not throw either.
    assertThat(engine.removed).isEmpty();
    janitor.close();
  }
}
