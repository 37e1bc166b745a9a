package dev.rootlock.fix.prove;

import dev.rootlock.fix.FileResult;
import dev.rootlock.fix.FixReport;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.ProvenNeeds;
import dev.rootlock.model.image.DiscoveredPaths;
import dev.rootlock.model.image.ImageReference;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fix --prove}: every container of every fixed (or already compliant) manifest, run through
 * a {@link Prover}, one answer each. A file that could not be fixed is not proven: its text is not
 * the one the user would get.
 */
public final class Proofs {

  private Proofs() {}

  /** The proofs of each file's result text, in file order. */
  public static List<Proof> of(FixReport report, Prover prover) {
    List<Proof> proofs = new ArrayList<>();
    for (FileResult file : report.files()) {
      if (file.status() == FileResult.Status.ERROR || file.fixed() == null) {
        continue;
      }
      for (ProofRun run : ManifestRuns.of(file.file(), file.fixed())) {
        proofs.add(prover.prove(run));
      }
    }
    return proofs;
  }

  /**
   * One report line: {@code deployment/web container "nginx": failed: exited with status 1;
   * refused: write to /var/cache/nginx (read-only file system)}.
   */
  public static String line(Proof proof) {
    StringBuilder line =
        new StringBuilder()
            .append(proof.run().object())
            .append(" container \"")
            .append(proof.run().container())
            .append("\": ")
            .append(proof.status().words())
            .append(": ")
            .append(proof.detail());
    if (!proof.refused().isEmpty()) {
      line.append("; refused: ").append(String.join(", ", proof.refused()));
    }
    return line.toString();
  }

  /**
   * {@code --discover}: for each failed container, what a trial loop found, folded into the fix's
   * options so that the fixer writes it (emptyDirs with their sizeLimit beside the paths it already
   * had, capabilities, root) in place, with its usual verification.
   */
  public static FixOptions discover(
      List<Proof> proofs, Prover prover, FixOptions options, List<Discovered> found) {
    List<DiscoveredPaths> paths = new ArrayList<>(options.discovered());
    List<ProvenNeeds> needs = new ArrayList<>(options.needs());
    for (Proof proof : proofs) {
      if (proof.status() != Proof.Status.FAILED) {
        continue;
      }
      Discovered discovered = prover.discover(proof.run(), proof);
      found.add(discovered);
      ImageReference image = ImageReference.parse(proof.run().image());
      List<WritablePath> writable = new ArrayList<>();
      for (ProofRun.Scratch scratch : proof.run().scratch()) {
        writable.add(
            new WritablePath(
                scratch.path(),
                scratch.memory() ? Medium.MEMORY : Medium.DISK,
                scratch.sizeBytes() == 0 ? null : (scratch.sizeBytes() >> 20) + "Mi",
                "mounted before discovery"));
      }
      for (String path : discovered.paths()) {
        writable.add(
            new WritablePath(
                path, Medium.MEMORY, discovered.sizeMiB() + "Mi", "proven by fix --discover"));
      }
      paths.add(new DiscoveredPaths(image, writable, List.of()));
      if (!discovered.capabilities().isEmpty() || discovered.root()) {
        needs.add(new ProvenNeeds(image, discovered.capabilities(), discovered.root()));
      }
    }
    return options.withDiscovered(paths).withNeeds(needs);
  }

  /**
   * One discovery line: {@code deployment/web container "nginx": writes /var/lib/nginx; needs
   * capabilities CHOWN, SETUID; must start as root; proven: stayed up}.
   */
  public static String line(Discovered found) {
    List<String> parts = new ArrayList<>();
    if (!found.paths().isEmpty()) {
      parts.add("writes " + String.join(", ", found.paths()));
    }
    if (!found.capabilities().isEmpty()) {
      parts.add("needs capabilities " + String.join(", ", found.capabilities()));
    }
    if (found.root()) {
      parts.add("must start as root");
    }
    if (parts.isEmpty()) {
      parts.add("nothing learnt");
    }
    return found.run().object()
        + " container \""
        + found.run().container()
        + "\": "
        + String.join("; ", parts)
        + "; last trial "
        + found.proof().status().words()
        + ": "
        + found.proof().detail();
  }

  /** 1 when any container failed its proof, else 0. */
  public static int exitCode(List<Proof> proofs) {
    return proofs.stream().anyMatch(p -> p.status() == Proof.Status.FAILED) ? 1 : 0;
  }
}
