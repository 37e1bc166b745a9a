package dev.rootlock.docker.prove;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.TrialJanitor;
import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialRunner;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.Watch;
import dev.rootlock.fix.prove.Prover;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves {@link ProofRun}s on a local Docker engine through the trial engine: the spec that runs is
 * the translation of the fixed manifest, and the line it reports is that spec's. Never pulls; every
 * container it starts is the janitor's to remove, on {@link #close()} and on Ctrl-C.
 */
public final class TrialProver implements Prover, AutoCloseable {

  private final DockerEngine engine;
  private final TrialJanitor janitor;
  private final TrialRunner runner;
  private final Duration duration;

  public TrialProver(DockerEngine engine, Duration duration) {
    this.engine = engine;
    this.janitor = TrialJanitor.forEngine(engine);
    this.runner = new TrialRunner(engine, HostProc.host(), janitor);
    this.duration = duration;
  }

  @Override
  public Proof prove(ProofRun run) {
    if (!run.provable()) {
      return Proof.notProvable(run, String.join("; ", run.unprovable()));
    }
    TrialSpec spec = TrialTranslation.spec(run);
    try {
      Optional<ImageConfig> image = engine.inspectImage(run.image());
      if (image.isEmpty()) {
        return Proof.notProvable(
            run, "image \"" + run.image() + "\" is not local (rootlock never pulls)");
      }
      Optional<String> refusal = kubeletRefusal(run, image.get());
      if (refusal.isPresent()) {
        return new Proof(run, Proof.Status.FAILED, refusal.get(), List.of(), "");
      }
      TrialOutcome outcome = runner.run(spec, Watch.upTo(duration));
      List<String> refused = refused(outcome);
      if (outcome.proves(run.service())) {
        return new Proof(run, Proof.Status.PROVEN, outcome.state(), refused, spec.dockerRunLine());
      }
      String detail = outcome.state();
      if (refused.isEmpty() && !outcome.logs().isBlank()) {
        detail += ": " + outcome.logTail(1);
      }
      return new Proof(run, Proof.Status.FAILED, detail, refused, spec.dockerRunLine());
    } catch (DockerEngineException e) {
      if (e.reason() == DockerEngineException.Reason.IMAGE_NOT_FOUND) {
        return Proof.notProvable(
            run, "image \"" + run.image() + "\" is not local (rootlock never pulls)");
      }
      return Proof.notProvable(run, "the engine failed during the trial: " + e.getMessage());
    }
  }

  /**
   * What the kubelet does before any container runs: with runAsNonRoot it refuses a user that is
   * root, or a name it cannot check, whatever the engine would do.
   */
  static Optional<String> kubeletRefusal(ProofRun run, ImageConfig image) {
    if (!run.runAsNonRoot()) {
      return Optional.empty();
    }
    String user = run.user().isEmpty() ? image.user() : run.user();
    String uid = user == null ? "" : user.split(":", 2)[0];
    if (uid.isEmpty() || uid.equals("root") || uid.matches("0+")) {
      return Optional.of(
          "the kubelet refuses to start it: runAsNonRoot: true and "
              + (run.user().isEmpty() ? "the image's user is root" : "runAsUser is 0")
              + " (set a numeric non-root runAsUser)");
    }
    if (!uid.matches("[0-9]+")) {
      return Optional.of(
          "the kubelet refuses to start it: runAsNonRoot: true and the image's user \""
              + user
              + "\" is a name it cannot verify (set a numeric runAsUser)");
    }
    return Optional.empty();
  }

  /** Each refused write and operation, worded for a report line. */
  static List<String> refused(TrialOutcome outcome) {
    List<String> refused = new ArrayList<>();
    for (RefusedWrite write : outcome.refusedWrites()) {
      refused.add(
          switch (write.kind()) {
            case READ_ONLY -> "write to " + write.path() + " (read-only file system)";
            case PERMISSION_DENIED -> "write to " + write.path() + " (permission denied)";
            case MISSING_PARENT -> "create " + write.path() + " (parent missing)";
            case NO_PATH -> "temporary file (TMPDIR not writable)";
            case NOEXEC -> "exec from " + write.path() + " (noexec)";
          });
    }
    for (RefusedOperation operation : outcome.refusedOperations()) {
      String what =
          switch (operation.kind()) {
            case CHOWN -> "chown " + operation.detail();
            case SETUID -> call("setuid", operation.detail());
            case SETGID -> call("setgid", operation.detail());
            case BIND_LOW_PORT -> "bind " + operation.detail();
            case MOUNT_ACCESS -> "write to " + operation.detail() + " (its mount's owner or mode)";
          };
      refused.add(
          what.strip() + operation.kind().capability().map(c -> " (needs " + c + ")").orElse(""));
    }
    return refused;
  }

  private static String call(String function, String argument) {
    return argument.isEmpty() ? function : function + "(" + argument + ")";
  }

  @Override
  public Discovered discover(ProofRun run, Proof failed) {
    if (!run.provable()) {
      return new Discovered(run, List.of(), TrialDiscovery.SIZE_MIB, List.of(), false, failed);
    }
    TrialDiscovery.Found found = TrialDiscovery.discover(engine, runner, run, failed, duration);
    return new Discovered(
        run,
        found.paths(),
        TrialDiscovery.SIZE_MIB,
        found.capabilities(),
        found.root(),
        found.proof(),
        found.alternative());
  }

  /** Removes every trial container still there. */
  @Override
  public void close() {
    janitor.close();
  }
}
