package dev.rootlock.fix.prove;

import java.util.List;

/**
 * What {@code fix --discover} learnt by trial for one failed container: the directories it writes
 * (each to become an emptyDir of {@code sizeMiB}), the capabilities it needs back, whether it must
 * start as root, and the last trial as a proof.
 */
public record Discovered(
    ProofRun run, List<String> paths, long sizeMiB, List<String> capabilities, boolean root,
    Proof proof) {

  public Discovered {
    paths = List.copyOf(paths);
    capabilities = List.copyOf(capabilities);
  }
}
