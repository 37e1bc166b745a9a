package dev.rootlock.fix.prove;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.report.ProofLines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@link Proofs} folds what discovery learnt into the fix's options, and how it words its
 * lines. The prover here answers from a table: the engine side has its own real-engine tests.
 */
class ProofsTest {

  private static ProofRun run(String container, String image) {
    return new ProofRun(
        "deployment/web",
        container,
        image,
        "",
        true,
        true,
        List.of(new ProofRun.Scratch("/tmp", 64L << 20, true)),
        List.of(),
        true,
        List.of(),
        true,
        List.of(),
        List.of(),
        List.of(),
        true,
        List.of());
  }

  /** Learns /var/lib/app and CHOWN for every run it is asked about. */
  private static final class TableProver implements Prover {
    final List<String> asked = new ArrayList<>();

    @Override
    public Proof prove(ProofRun run) {
      throw new AssertionError("not used");
    }

    @Override
    public Discovered discover(ProofRun run, Proof failed) {
      asked.add(run.container());
      Proof proven = new Proof(run, Proof.Status.PROVEN, "stayed up", List.of(), "docker run x");
      return new Discovered(run, List.of("/var/lib/app"), 16, List.of("CHOWN"), true, proven);
    }
  }

  @Test
  void onlyFailedContainersAreDiscoveredAndTheirFindingsBecomeOptions() {
    ProofRun failed = run("app", "registry.example/app:1");
    ProofRun proven = run("side", "registry.example/side:1");
    List<Proof> proofs =
        List.of(
            new Proof(failed, Proof.Status.FAILED, "exited with status 1", List.of(), "x"),
            new Proof(proven, Proof.Status.PROVEN, "stayed up", List.of(), "y"),
            Proof.notProvable(run("gone", "gone:1"), "image \"gone:1\" is not local"));
    TableProver prover = new TableProver();
    List<Discovered> found = new ArrayList<>();

    FixOptions options = Proofs.discover(proofs, prover, FixOptions.defaults(), found);

    assertThat(prover.asked).containsExactly("app");
    assertThat(found).hasSize(1);
    assertThat(options.discovered()).hasSize(1);
    assertThat(options.discovered().get(0).appliesTo("registry.example/app:1")).isTrue();
    assertThat(options.discovered().get(0).paths())
        .containsExactly(
            new WritablePath("/tmp", Medium.MEMORY, "64Mi", "mounted before discovery"),
            new WritablePath("/var/lib/app", Medium.MEMORY, "16Mi", "proven by fix --discover"));
    assertThat(options.needsOf("registry.example/app:1"))
        .hasValueSatisfying(
            needs -> {
              assertThat(needs.capabilities()).containsExactly("CHOWN");
              assertThat(needs.root()).isTrue();
            });
    assertThat(options.needsOf("registry.example/side:1")).isEmpty();
    assertThat(ProofLines.line(found.get(0)))
        .isEqualTo(
            "deployment/web container \"app\": writes /var/lib/app; needs capabilities CHOWN;"
                + " must start as root; last trial proven: stayed up");
    assertThat(ProofLines.exitCode(proofs)).isEqualTo(1);
  }

  @Test
  void linesSayWhatWasRefused() {
    Proof failed =
        new Proof(
            run("app", "app:1"),
            Proof.Status.FAILED,
            "exited with status 1",
            List.of("write to /var/cache/app (read-only file system)", "chown (needs CHOWN)"),
            "docker run x");

    assertThat(ProofLines.line(failed))
        .isEqualTo(
            "deployment/web container \"app\": failed: exited with status 1; refused: write to"
                + " /var/cache/app (read-only file system), chown (needs CHOWN)");
    assertThat(ProofLines.exitCode(List.of(Proof.notProvable(run("a", "a"), "envFrom")))).isZero();
  }
}
