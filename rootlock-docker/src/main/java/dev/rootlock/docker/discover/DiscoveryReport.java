package dev.rootlock.docker.discover;

import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.trial.RefusedOperation;
import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.model.image.Medium;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code discover} found and proved, as plain values: the renderers turn it into text,
 * {@code docker run} flags, Compose, a Kubernetes patch and the JSON file
 * (docs/discover-output.md).
 *
 * @param provenByTrial the trial whose read-only run stayed up with exactly {@link #proposals}, or
 *     0 when no trial did (see {@link #unproven})
 */
public record DiscoveryReport(
    String runId,
    String image,
    String imageId,
    String user,
    long uid,
    long gid,
    StaticFindings staticFindings,
    Observation observation,
    List<Trial> trials,
    List<WritablePath> proposals,
    List<RefusedPath> refusals,
    int provenByTrial,
    List<String> unproven,
    Duration wallTime,
    List<Hardening> hardenings) {

  public DiscoveryReport {
    trials = List.copyOf(trials);
    proposals = List.copyOf(proposals);
    refusals = List.copyOf(refusals);
    unproven = List.copyOf(unproven);
    hardenings = List.copyOf(hardenings);
  }

  /**
   * One way to run the image under full hardening, exactly as a trial ran it: {@code label} says
   * which (the image's own user with the capabilities it needs, or a non-root alternative), {@code
   * spec} is what ran and what is printed, {@code provenByTrial} the trial that proved it (0: not
   * proven, then {@code why} says why), {@code uid}/{@code gid} the numeric ids it runs as (for
   * Kubernetes runAsUser/runAsGroup).
   */
  public record Hardening(
      String label, TrialSpec spec, int provenByTrial, long uid, long gid, String why) {
    public boolean proven() {
      return provenByTrial > 0;
    }
  }

  public boolean proven() {
    return provenByTrial > 0;
  }

  /** What the image config says, before anything runs. Empty strings mean unset. */
  public record StaticFindings(
      List<String> volumes,
      String workingDir,
      String user,
      String tmpdir,
      String home,
      String path,
      List<String> codeDirs) {
    public StaticFindings {
      volumes = List.copyOf(volumes);
      codeDirs = List.copyOf(codeDirs);
    }
  }

  /** The writable run: its changes, whether it was still up, and the exercise's outcome. */
  public record Observation(
      List<FileChange> changes,
      boolean stayedUp,
      long exitCode,
      long exerciseExitCode,
      String logTail,
      List<Integer> listeningPorts,
      List<String> processIds) {
    public Observation {
      changes = List.copyOf(changes);
      listeningPorts = List.copyOf(listeningPorts);
      processIds = List.copyOf(processIds);
    }
  }

  /**
   * One read-only run: the tmpfs mounts it had, whether it stayed up (or, for a job, exited 0), the
   * refused writes its logs showed, the mount points it added, and notes such as a tmpfs ownership
   * fix.
   */
  public record Trial(
      int number,
      String purpose,
      TrialSpec spec,
      boolean stayedUp,
      long exitCode,
      long exerciseExitCode,
      List<RefusedWrite> refusedWrites,
      List<RefusedOperation> refusedOperations,
      List<String> added,
      List<String> notes,
      boolean passed,
      boolean steady,
      Duration elapsed) {
    public Trial {
      refusedWrites = List.copyOf(refusedWrites);
      refusedOperations = List.copyOf(refusedOperations);
      added = List.copyOf(added);
      notes = List.copyOf(notes);
    }

    /** The trial's tmpfs mounts: path to Docker tmpfs options. */
    public Map<String, String> tmpfs() {
      Map<String, String> tmpfs = new LinkedHashMap<>();
      spec.tmpfs().forEach(m -> tmpfs.put(m.path(), m.options()));
      return tmpfs;
    }

    public List<String> capAdd() {
      return spec.capAdd();
    }
  }

  /**
   * A path to make writable. {@code tmpfsOptions} are Docker's (without the path); {@code size} is
   * in MiB; {@code evidence} says what showed the write; {@code note} explains anything special (an
   * image VOLUME, a tmpfs ownership fix).
   */
  public record WritablePath(
      String path,
      Medium medium,
      String tmpfsOptions,
      int sizeMib,
      List<String> evidence,
      String note) {
    public WritablePath {
      evidence = List.copyOf(evidence);
      note = note == null ? "" : note;
    }
  }

  /** A path the application writes that rootlock will not make writable, and what to do instead. */
  public record RefusedPath(String path, List<String> evidence, String reason) {
    public RefusedPath {
      evidence = List.copyOf(evidence);
    }
  }
}
