package dev.rootlock.fix.prove;

import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;

/**
 * The port through which {@code fix --prove} runs a container: the CLI wires the Docker trial
 * engine in, so that core needs no engine. An implementation never pulls an image, removes what it
 * started, and answers NOT_PROVABLE (not an exception) for a container it cannot run.
 */
public interface Prover {

  Proof prove(ProofRun run);

  /**
   * Runs the seeds' loop for a container whose proof failed: what it writes, the capabilities and
   * the user it needs, each learnt from a trial of exactly the settings the manifest will get.
   */
  Discovered discover(ProofRun run, Proof failed);
}
