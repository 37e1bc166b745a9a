package dev.rootlock.docker.discover;

import dev.rootlock.docker.trial.RefusedWrite;
import dev.rootlock.docker.trial.RefusedWriteParser;
import dev.rootlock.docker.FileChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code discover} found and proved, as plain values: the renderers turn it into text,
 * {@code docker run} flags, Compose, a Kubernetes patch and the JSON file (docs/discover-output.md).
 *
 * @param provenByTrial the trial whose read-only run stayed up with exactly {@link #proposals},
 *     or 0 when no trial did (see {@link #unproven})
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
    Duration wallTime) {

  public DiscoveryReport {
    trials = List.copyOf(trials);
    proposals = List.copyOf(proposals);
    refusals = List.copyOf(refusals);
    unproven = List.copyOf(unproven);
  }

  public boolean proven() {
    return provenByTrial > 0;
  }

  /** What the image config says, before anything runs. Empty strings mean unset. */
  public record StaticFindings(List<String> volumes, String workingDir, String user, String tmpdir,
      String home, String path, List<String> codeDirs) {
    public StaticFindings {
      volumes = List.copyOf(volumes);
      codeDirs = List.copyOf(codeDirs);
    }
  }

  /** The writable run: its changes, whether it was still up, and the exercise's outcome. */
  public record Observation(List<FileChange> changes, boolean stayedUp, long exitCode,
      long exerciseExitCode, String logTail) {
    public Observation {
      changes = List.copyOf(changes);
    }
  }

  /**
   * One read-only run: the tmpfs mounts it had, whether it stayed up (or, for a job, exited 0),
   * the refused writes its logs showed, the mount points it added, and notes such as a tmpfs
   * ownership fix.
   */
  public record Trial(int number, Map<String, String> tmpfs, boolean stayedUp, long exitCode,
      long exerciseExitCode, List<RefusedWrite> refusedWrites, List<String> added,
      List<String> notes, boolean passed) {
    public Trial {
      tmpfs = Map.copyOf(tmpfs);
      refusedWrites = List.copyOf(refusedWrites);
      added = List.copyOf(added);
      notes = List.copyOf(notes);
    }
  }

  /**
   * A path to make writable. {@code tmpfsOptions} are Docker's (without the path); {@code size}
   * is in MiB; {@code evidence} says what showed the write; {@code note} explains anything special
   * (an image VOLUME, a tmpfs ownership fix).
   */
  public record WritablePath(String path, Medium medium, String tmpfsOptions, int sizeMib,
      List<String> evidence, String note) {
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
