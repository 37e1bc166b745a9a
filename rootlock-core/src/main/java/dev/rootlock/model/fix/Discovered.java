package dev.rootlock.model.fix;

import java.util.List;

/**
 * What {@code fix --discover} learnt by trial for one failed container: the directories it writes
 * (each to become an emptyDir of {@code sizeMiB}), the capabilities it needs back, whether it must
 * start as root, and the last trial as a proof. {@code alternative}: for a root-started image that
 * needs capabilities, the non-root way to run it as tried by trial (proven, with the line that ran,
 * or why not), for a note; empty when none was tried.
 */
public record Discovered(
    ProofRun run,
    List<String> paths,
    long sizeMiB,
    List<String> capabilities,
    boolean root,
    Proof proof,
    String alternative) {

  public Discovered {
    paths = List.copyOf(paths);
    capabilities = List.copyOf(capabilities);
    alternative = alternative == null ? "" : alternative;
  }

  /** Without a non-root alternative. */
  public Discovered(
      ProofRun run,
      List<String> paths,
      long sizeMiB,
      List<String> capabilities,
      boolean root,
      Proof proof) {
    this(run, paths, sizeMiB, capabilities, root, proof, "");
  }
}
