package dev.rootlock.docker.discover;

import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.PathEntry;
import java.util.List;
import java.util.Map;

/**
 * What one run of the image showed: whether it was still up when the watch ended, its exit code,
 * the exercise's exit code (-2 when none ran), its logs, its changes (writable runs) and, when the
 * host's /proc was reachable, the owner/mode and bytes used of each tmpfs mount.
 */
record ContainerRun(boolean stayedUp, long exitCode, long exerciseExitCode, String logs,
    List<FileChange> changes, Map<String, PathEntry> mountStats, Map<String, Long> mountBytes) {

  static final long NO_EXERCISE = -2;

  ContainerRun {
    changes = List.copyOf(changes);
    mountStats = Map.copyOf(mountStats);
    mountBytes = Map.copyOf(mountBytes);
  }

  boolean exerciseFailed() {
    return exerciseExitCode != NO_EXERCISE && exerciseExitCode != 0;
  }

  /** The last {@code lines} log lines, for error messages. */
  String logTail(int lines) {
    List<String> all = logs.strip().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
