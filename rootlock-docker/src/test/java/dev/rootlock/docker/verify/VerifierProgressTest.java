package dev.rootlock.docker.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.ExecResult;
import dev.rootlock.docker.FakeDockerEngine;
import dev.rootlock.docker.FakeDockerEngine.Run;
import dev.rootlock.docker.HostProc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps {@link Verifier} tells its progress port, on a scripted engine whose drill fails. */
class VerifierProgressTest {

  private final FakeDockerEngine engine = new FakeDockerEngine().running(spec -> Run.UP);

  private String runningContainer() {
    String id =
        engine.create(
            new ContainerSpec(
                "rl-et/app", List.of(), List.of(), "", true, Map.of(), "none", Map.of()));
    engine.start(id);
    return id;
  }

  @Test
  void eachStepIsToldBeforeItRunsAndTheDrillAttemptByAttempt() {
    String id = runningContainer();
    // a shell, and every write and the remount refused
    engine.execs =
        command ->
            command.get(2).equals("exit 0")
                ? new ExecResult(0, "", "")
                : new ExecResult(1, "", "Read-only file system");
    List<String> told = new ArrayList<>();

    VerifyReport report =
        new Verifier(engine, new HostProc(Path.of("/nonexistent"))).verify(id, true, told::add);

    assertThat(told)
        .containsExactly(
            "inspecting " + id,
            "reading the Engine API's view of " + id,
            "drill: looking for a shell",
            "drill: write a file into /etc",
            "drill: write a file into /bin",
            "drill: write a file into /usr/local/sbin",
            "drill: write a file into /usr/local/bin",
            "drill: write a file into /usr/sbin",
            "drill: write a file into /usr/bin",
            "drill: write a file into /sbin",
            "drill: write and execute a script in /dev/shm",
            "drill: remount / read-write");
    assertThat(report.drill()).hasSize(9).allMatch(VerifyReport.DrillAttempt::blocked);
  }

  @Test
  void withoutTheDrillTheStepsAreTheInspectionAndTheRead() {
    String id = runningContainer();
    List<String> told = new ArrayList<>();

    new Verifier(engine, new HostProc(Path.of("/nonexistent"))).verify(id, false, told::add);

    assertThat(told).containsExactly("inspecting " + id, "reading the Engine API's view of " + id);
  }
}
