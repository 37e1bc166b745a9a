package dev.rootlock.fix.prove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.report.ProofLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Proofs} on Compose files: a file is read as Compose by its name or content, its lines name
 * services, and what discovery learns keeps each tmpfs's own options.
 */
class ComposeProofsTest {

  @TempDir Path dir;

  private static final String COMPOSE =
      """
      services:
        web:
          image: example/web:1
          read_only: true
          tmpfs: ["/run:rw,noexec,nosuid,size=8m,uid=101"]
      """;

  @Test
  void aComposeFileIsReadAsComposeByNameOrContent() {
    List<ProofRun> byName = Proofs.runs(dir.resolve("compose.yaml").toString(), COMPOSE);
    List<ProofRun> byContent = Proofs.runs(dir.resolve("stack.yaml").toString(), COMPOSE);

    assertThat(byName)
        .extracting(ProofRun::noun, ProofRun::container)
        .containsExactly(tuple("service", "web"));
    assertThat(byContent)
        .extracting(ProofRun::noun, ProofRun::container)
        .containsExactly(tuple("service", "web"));
    assertThat(byContent.get(0).scratch())
        .containsExactly(
            new ProofRun.Scratch("/run", 8L << 20, true, true, true, false, -1, 101, -1));
  }

  @Test
  void linesNameTheServiceAndDiscoveryKeepsTheTmpfsOptions() {
    ProofRun run = Proofs.runs(dir.resolve("compose.yaml").toString(), COMPOSE).get(0);
    Proof failed =
        new Proof(
            run,
            Proof.Status.FAILED,
            "exited with status 1",
            List.of("write to /var/lib/web (read-only file system)"),
            "docker run x");
    Prover prover =
        new Prover() {
          @Override
          public Proof prove(ProofRun r) {
            throw new AssertionError("not used");
          }

          @Override
          public Discovered discover(ProofRun r, Proof f) {
            return new Discovered(
                r,
                List.of("/var/lib/web"),
                16,
                List.of(),
                false,
                new Proof(r, Proof.Status.PROVEN, "stayed up", List.of(), "docker run y"));
          }
        };
    List<Discovered> found = new ArrayList<>();

    FixOptions options = Proofs.discover(List.of(failed), prover, FixOptions.defaults(), found);

    assertThat(ProofLines.line(failed))
        .isEqualTo(
            dir.resolve("compose.yaml")
                + " service \"web\": failed: exited with status 1; refused: write to /var/lib/web"
                + " (read-only file system)");
    assertThat(ProofLines.line(found.get(0)))
        .isEqualTo(
            dir.resolve("compose.yaml")
                + " service \"web\": writes /var/lib/web; last trial proven: stayed up");
    assertThat(options.discovered().get(0).paths())
        .containsExactly(
            new WritablePath(
                "/run",
                Medium.MEMORY,
                "8Mi",
                "mounted before discovery",
                "rw,noexec,nosuid,size=8m,uid=101"),
            new WritablePath("/var/lib/web", Medium.MEMORY, "16Mi", "proven by fix --discover"));
  }
}
