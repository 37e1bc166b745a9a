package dev.rootlock.docker.trial;

import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.PathEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one trial showed. {@code stayedUp}: still running when the watch ended; {@code exitCode}
 * once stopped (by itself or by rootlock); {@code exerciseExitCode} -2 when none ran; {@code
 * refusedWrites} and {@code refusedOperations} as read from {@code logs}; {@code steady}: the watch
 * ended early because the process was steady; {@code listeningPorts} TCP ports it listened on;
 * {@code processIds} the uid and gid of each of its processes ({@code [uid, gid]}); {@code changes}
 * and {@code changedPathStats} (owner and mode of each added path) only when the watch collected
 * changes; {@code mountStats} and {@code mountBytes} per tmpfs mount; {@code openForWrite} the
 * regular files its processes held open for writing when the watch ended (a log file opened but not
 * yet written shows here and not in {@code docker diff}); {@code elapsed} from create to the end of
 * the watch (not counting the stop); {@code mountLogs} the log files the container wrote on its own
 * fresh writable mounts (tmpfs and anonymous volumes), path to text (the last 64 KiB), as last read
 * before the container stopped: what it logs there and not on stdout (Debian nginx's error.log) is
 * classified into {@code refusedWrites} and {@code refusedOperations} exactly as its stdout is. The
 * host-side facts (ports, ids, stats, bytes, mount logs) are empty when the host's /proc does not
 * show the container.
 */
public record TrialOutcome(
    TrialSpec spec,
    boolean stayedUp,
    long exitCode,
    long exerciseExitCode,
    String logs,
    List<RefusedWrite> refusedWrites,
    List<RefusedOperation> refusedOperations,
    boolean steady,
    Set<Integer> listeningPorts,
    List<long[]> processIds,
    List<FileChange> changes,
    Map<String, PathEntry> changedPathStats,
    Map<String, PathEntry> mountStats,
    Map<String, Long> mountBytes,
    List<String> openForWrite,
    Duration elapsed,
    Map<String, String> mountLogs) {

  public static final long NO_EXERCISE = -2;

  public TrialOutcome {
    refusedWrites = List.copyOf(refusedWrites);
    refusedOperations = List.copyOf(refusedOperations);
    listeningPorts = Set.copyOf(listeningPorts);
    processIds = List.copyOf(processIds);
    changes = List.copyOf(changes);
    changedPathStats = Map.copyOf(changedPathStats);
    mountStats = Map.copyOf(mountStats);
    mountBytes = Map.copyOf(mountBytes);
    openForWrite = List.copyOf(openForWrite);
    mountLogs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(mountLogs));
  }

  /** An outcome without mount logs (a host whose /proc does not show the container). */
  public TrialOutcome(
      TrialSpec spec,
      boolean stayedUp,
      long exitCode,
      long exerciseExitCode,
      String logs,
      List<RefusedWrite> refusedWrites,
      List<RefusedOperation> refusedOperations,
      boolean steady,
      Set<Integer> listeningPorts,
      List<long[]> processIds,
      List<FileChange> changes,
      Map<String, PathEntry> changedPathStats,
      Map<String, PathEntry> mountStats,
      Map<String, Long> mountBytes,
      List<String> openForWrite,
      Duration elapsed) {
    this(
        spec,
        stayedUp,
        exitCode,
        exerciseExitCode,
        logs,
        refusedWrites,
        refusedOperations,
        steady,
        listeningPorts,
        processIds,
        changes,
        changedPathStats,
        mountStats,
        mountBytes,
        openForWrite,
        elapsed,
        Map.of());
  }

  public boolean exerciseFailed() {
    return exerciseExitCode != NO_EXERCISE && exerciseExitCode != 0;
  }

  /**
   * Whether this run proves its spec: a service stayed up ({@code service}), or a job exited 0, and
   * nothing was refused and the exercise (if any) passed.
   */
  public boolean proves(boolean service) {
    boolean ran = service ? stayedUp : (!stayedUp && exitCode == 0) || stayedUp;
    return ran && refusedWrites.isEmpty() && refusedOperations.isEmpty() && !exerciseFailed();
  }

  /**
   * The last {@code lines} log lines, for messages: stdout and stderr, or, when those are empty,
   * the mount log files (named by path), where such an image says why it failed.
   */
  public String logTail(int lines) {
    String text = logs;
    if (text.isBlank() && !mountLogs.isEmpty()) {
      StringBuilder files = new StringBuilder();
      mountLogs.forEach(
          (path, content) ->
              content
                  .strip()
                  .lines()
                  .forEach(line -> files.append(path).append(": ").append(line).append('\n')));
      text = files.toString();
    }
    List<String> all = text.strip().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** "stayed up" or "exited with status N", for reports. */
  public String state() {
    return stayedUp ? "stayed up" : "exited with status " + exitCode;
  }
}
