package dev.rootlock.docker.prove;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.discover.PathPolicy;
import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.TrialOutcome;
import dev.rootlock.docker.trial.TrialRunner;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.TrialTmpfs;
import dev.rootlock.docker.trial.Watch;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.model.fix.ProofRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The seeds' loop for one container whose proof failed: run it as fixed, read what was refused, add
 * a writable mount for each refused write and give back each refused capability, run again, until
 * it stays up or nothing new is learnt. Every trial runs through the trial engine exactly as the
 * manifest will say (an emptyDir is a tmpfs without noexec, as the kubelet mounts it).
 */
final class TrialDiscovery {

  /** Size of each discovered emptyDir: pid, lock and temp files, not data. */
  static final long SIZE_MIB = 16;

  /**
   * Debian nginx stops at its first [emerg], so it teaches one thing per trial: three paths, then
   * CHOWN, SETGID and SETUID (the last two from its error.log) take six, and one more proves.
   */
  private static final int MAX_TRIALS = 8;

  /**
   * What the loop found, the last trial's outcome as a proof, and the non-root alternative (empty
   * when none was tried).
   */
  record Found(
      List<String> paths,
      List<String> capabilities,
      boolean root,
      Proof proof,
      String alternative) {

    Found(List<String> paths, List<String> capabilities, boolean root, Proof proof) {
      this(paths, capabilities, root, proof, "");
    }
  }

  /**
   * docker discover's refusals, with Docker's default PATH (a manifest does not say the image's).
   */
  private static final PathPolicy REFUSED = new PathPolicy(null, Set.of());

  /** The capabilities that say a root-started image changes user or owner itself. */
  private static final Set<String> IDENTITY_CAPABILITIES = Set.of("CHOWN", "SETUID", "SETGID");

  private TrialDiscovery() {}

  static Found discover(
      DockerEngine engine, TrialRunner runner, ProofRun run, Proof failed, Duration duration) {
    boolean root = failed.detail().startsWith("the kubelet refuses to start it");
    Set<String> paths = new LinkedHashSet<>();
    Set<String> capabilities = new LinkedHashSet<>(run.capAdd());
    TrialSpec spec = TrialTranslation.spec(run);
    Proof last = failed;
    for (int trial = 0; trial < MAX_TRIALS; trial++) {
      TrialOutcome outcome;
      try {
        outcome = runner.run(spec, Watch.upTo(duration));
      } catch (DockerEngineException e) {
        return new Found(
            List.copyOf(paths),
            List.copyOf(capabilities),
            root,
            Proof.notProvable(run, "the engine failed during discovery: " + e.getMessage()));
      }
      List<String> refused = TrialProver.refused(outcome);
      if (outcome.proves(run.service())) {
        return new Found(
            List.copyOf(paths),
            List.copyOf(capabilities),
            root,
            new Proof(run, Proof.Status.PROVEN, outcome.state(), refused, spec.dockerRunLine()),
            nonRootAlternative(runner, run, spec, outcome, duration));
      }
      last = new Proof(run, Proof.Status.FAILED, outcome.state(), refused, spec.dockerRunLine());
      boolean learnt = false;
      for (RefusedWrite write : outcome.refusedWrites()) {
        Optional<String> mount = allowedMountFor(write);
        if (mount.isPresent() && covered(mount.get(), spec) == null && paths.add(mount.get())) {
          learnt = true;
        }
      }
      for (RefusedOperation operation : outcome.refusedOperations()) {
        Optional<String> capability = operation.kind().capability();
        if (capability.isPresent() && capabilities.add(capability.get())) {
          learnt = true;
        }
      }
      if (!learnt) {
        break;
      }
      List<TrialTmpfs> tmpfs = new ArrayList<>(spec.tmpfs());
      for (String path : paths) {
        if (covered(path, spec) == null) {
          tmpfs.add(
              TrialTranslation.tmpfs(
                  ProofRun.Scratch.writableBy(path, SIZE_MIB << 20, false, run.user())));
        }
      }
      spec =
          spec.withTmpfs(tmpfs)
              .withCapabilities(spec.dropAllCapabilities(), List.copyOf(capabilities));
    }
    return new Found(List.copyOf(paths), List.copyOf(capabilities), root, last);
  }

  /**
   * For an image proven to start as root and change user or owner itself (CHOWN, SETUID or SETGID
   * given back): the same run as the uid:gid its other processes ran as, every tmpfs owned by it,
   * no capabilities, tried once. Worded for a note: proven with the line that ran, or why not.
   * Empty when there is nothing to try (no such capability, or no process ran as another user).
   */
  static String nonRootAlternative(
      TrialRunner runner, ProofRun run, TrialSpec proven, TrialOutcome outcome, Duration duration) {
    if (proven.capAdd().stream().noneMatch(IDENTITY_CAPABILITIES::contains)) {
      return "";
    }
    Optional<long[]> worker = outcome.processIds().stream().filter(p -> p[1] > 0).findFirst();
    if (worker.isEmpty()) {
      return "";
    }
    long uid = worker.get()[1];
    long gid = worker.get()[2];
    TrialSpec spec =
        proven
            .withUser(uid + ":" + gid)
            .withCapabilities(proven.dropAllCapabilities(), List.of())
            .withTmpfs(proven.tmpfs().stream().map(m -> m.withOwner(uid, gid)).toList());
    String as =
        "a non-root alternative (runAsUser: "
            + uid
            + ", runAsGroup: "
            + gid
            + ", fsGroup: "
            + gid
            + ", no capabilities.add)";
    try {
      TrialOutcome alternative = runner.run(spec, Watch.upTo(duration));
      if (alternative.proves(run.service())) {
        List<Integer> low =
            alternative.listeningPorts().stream().filter(p -> p < 1024).sorted().toList();
        return as
            + " proven: "
            + alternative.state()
            + (low.isEmpty()
                ? ""
                : "; it listens on port(s) "
                    + low
                    + ", which Docker lets a"
                    + " non-root user bind (ip_unprivileged_port_start=0) and a cluster may not")
            + "; ran: "
            + spec.dockerRunLine();
      }
      List<String> refused = TrialProver.refused(alternative);
      return as
          + " not proven: "
          + alternative.state()
          + (refused.isEmpty() ? "" : ", refused " + String.join("; ", refused))
          + "; ran: "
          + spec.dockerRunLine();
    } catch (DockerEngineException e) {
      return as + " not proven: the engine failed: " + e.getMessage();
    }
  }

  /**
   * Where a mount for this refused write may go, by docker discover's rules: never where it refuses
   * one (/etc, PATH and system dirs; the refused write then stays in the report, and the fixer
   * keeps its own check), and below a broad parent the written path itself, as docker discover
   * mounts /var/cache/app, never /var/cache.
   */
  static Optional<String> allowedMountFor(RefusedWrite write) {
    Optional<String> parent = mountFor(write);
    if (parent.isEmpty() || REFUSED.refusal(parent.get()).isEmpty()) {
      return parent;
    }
    if (PathPolicy.isBroad(parent.get()) && REFUSED.refusal(write.path()).isEmpty()) {
      return Optional.of(write.path());
    }
    return Optional.empty();
  }

  /**
   * Where to mount for a refused write: the directory that holds a refused file, or in which a
   * directory could not be made (its parent). EACCES counts too: under a read-only root the kernel
   * checks permissions before it reports EROFS, so a root process without DAC_OVERRIDE sees EACCES
   * for a log file it does not own; inside a trial's own mount the caller finds it covered and
   * learns nothing. Nothing for a refusal that a mount does not cure.
   */
  static Optional<String> mountFor(RefusedWrite write) {
    if (write.path() == null || !write.path().startsWith("/")) {
      return Optional.empty();
    }
    return switch (write.kind()) {
      case READ_ONLY, MISSING_PARENT, PERMISSION_DENIED -> {
        String parent = parent(write.path());
        yield parent.equals("/") ? Optional.empty() : Optional.of(parent);
      }
      default -> Optional.empty();
    };
  }

  private static TrialTmpfs covered(String path, TrialSpec spec) {
    for (TrialTmpfs mount : spec.tmpfs()) {
      if (path.equals(mount.path()) || path.startsWith(mount.path() + "/")) {
        return mount;
      }
    }
    return null;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
