package dev.rootlock.fix.prove;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FixReport;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;
import dev.rootlock.model.fix.ProvenNeeds;
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
      for (ProofRun run : runs(file.file(), file.fixed())) {
        proofs.add(prover.prove(run));
      }
    }
    return proofs;
  }

  /** The runs of one fixed text, read as what it is: a Compose file or Kubernetes manifests. */
  static List<ProofRun> runs(String file, String text) {
    java.nio.file.Path path = java.nio.file.Path.of(file);
    java.nio.file.Path name = path.getFileName();
    if (dev.rootlock.source.SourceKind.of(name == null ? "" : name.toString(), text)
        == dev.rootlock.source.SourceKind.COMPOSE) {
      return ComposeRuns.of(file, text, path.toAbsolutePath().getParent());
    }
    return ManifestRuns.of(file, text);
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
      boolean compose = proof.run().noun().equals("service");
      List<WritablePath> writable = new ArrayList<>();
      for (ProofRun.Scratch scratch : proof.run().scratch()) {
        writable.add(
            new WritablePath(
                scratch.path(),
                scratch.memory() ? Medium.MEMORY : Medium.DISK,
                scratch.sizeBytes() == 0 ? null : (scratch.sizeBytes() >> 20) + "Mi",
                "mounted before discovery",
                compose ? tmpfsOptions(scratch) : null));
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

  /** A Compose tmpfs's options as written back: {@code rw,noexec,nosuid,size=64m,uid=101}. */
  static String tmpfsOptions(ProofRun.Scratch scratch) {
    List<String> options = new ArrayList<>(List.of("rw"));
    if (scratch.noexec()) {
      options.add("noexec");
    }
    if (scratch.nosuid()) {
      options.add("nosuid");
    }
    if (scratch.nodev()) {
      options.add("nodev");
    }
    long bytes = scratch.sizeBytes();
    if (bytes > 0) {
      options.add(
          "size="
              + (bytes % (1L << 20) == 0
                  ? (bytes >> 20) + "m"
                  : bytes % 1024 == 0 ? (bytes >> 10) + "k" : Long.toString(bytes)));
    }
    if (scratch.mode() >= 0) {
      options.add("mode=" + Integer.toOctalString(scratch.mode()));
    }
    if (scratch.uid() >= 0) {
      options.add("uid=" + scratch.uid());
    }
    if (scratch.gid() >= 0) {
      options.add("gid=" + scratch.gid());
    }
    return String.join(",", options);
  }
}
