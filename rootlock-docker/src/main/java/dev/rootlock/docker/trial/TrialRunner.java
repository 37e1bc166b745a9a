package dev.rootlock.docker.trial;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.PathEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs one {@link TrialSpec} on the engine exactly as specified and reports what happened. The
 * watch ends when the process exits, when it is steady (see {@link Watch}), or at the watch's
 * duration; then the container is stopped gracefully (so shutdown writes show in the logs), its
 * logs are read and classified, and it is removed, also when anything fails. Engine failures
 * propagate as {@link dev.rootlock.docker.DockerEngineException}.
 */
public final class TrialRunner {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration LOG_TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_MILLIS = 250;

  /** Before this, a quiet process may just not have started yet. */
  private static final Duration MIN_UP = Duration.ofSeconds(1);

  /** Bounds on the log files read from a trial's mounts: enough for an error log's last words. */
  private static final int LOG_FILES = 32;

  private static final int LOG_TAIL_BYTES = 64 << 10;

  private final DockerEngine engine;
  private final HostProc proc;
  private final TrialJanitor janitor;

  public TrialRunner(DockerEngine engine, HostProc proc, TrialJanitor janitor) {
    this.engine = engine;
    this.proc = proc;
    this.janitor = janitor;
  }

  public TrialOutcome run(TrialSpec spec, Watch watch) {
    long started = System.nanoTime();
    String id = engine.create(spec.toContainerSpec(Map.of(janitor.label(), janitor.runId())));
    janitor.track(id);
    try {
      engine.start(id);
      return watch(id, spec, watch, started);
    } finally {
      janitor.release(id);
    }
  }

  private TrialOutcome watch(String id, TrialSpec spec, Watch watch, long started) {
    long deadline = started + watch.duration().toNanos();
    long exerciseAt =
        started + Math.min(Duration.ofSeconds(2).toNanos(), watch.duration().toNanos() / 2);
    long exerciseExit = TrialOutcome.NO_EXERCISE;
    boolean steady = false;
    Object fingerprint = null;
    long quietSince = System.nanoTime();
    Set<Integer> ports = Set.of();
    List<long[]> ids = List.of();
    // Read at every poll in which the mounts grew, since a container that exits takes its tmpfs
    // contents with it: the last read is what it logged before it died.
    Map<String, Long> mountBytesSeen = Map.of();
    Map<String, String> mountLogs = Map.of();
    ContainerDetails details = engine.inspect(id);
    while (details.running() && System.nanoTime() < deadline) {
      boolean exerciseDue = !watch.exercise().isEmpty();
      if (exerciseDue
          && exerciseExit == TrialOutcome.NO_EXERCISE
          && System.nanoTime() >= exerciseAt) {
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
        exerciseExit =
            engine.exec(id, List.of("sh", "-c", watch.exercise()), null, left).exitCode();
        quietSince = System.nanoTime();
      } else {
        sleep();
      }
      boolean reachable = proc.reachable(details.pid());
      Map<String, Long> mountBytesNow = Map.of();
      if (reachable) {
        ports = proc.listeningPorts(details.pid());
        ids = proc.processTree(details.pid());
        mountBytesNow = bytes(details.pid(), spec);
        if (!mountBytesNow.equals(mountBytesSeen)) {
          mountLogs = mountLogs(details.pid(), spec, mountLogs);
          mountBytesSeen = mountBytesNow;
        }
      }
      Object now = List.of(engine.logs(id, LOG_TIMEOUT).length(), ports, mountBytesNow, ids.size());
      long nanos = System.nanoTime();
      if (!Objects.equals(now, fingerprint)) {
        fingerprint = now;
        quietSince = nanos;
      }
      Duration quiet = ports.isEmpty() ? watch.quiet().multipliedBy(2) : watch.quiet();
      boolean exercised = !exerciseDue || exerciseExit != TrialOutcome.NO_EXERCISE;
      if (exercised
          && nanos - started >= MIN_UP.toNanos()
          && nanos - quietSince >= quiet.toNanos()) {
        steady = true;
        break;
      }
      details = engine.inspect(id);
    }
    boolean stayedUp = details.running();
    Duration watched = Duration.ofNanos(System.nanoTime() - started);
    Map<String, PathEntry> mountStats = new HashMap<>();
    Map<String, Long> mountBytes = new HashMap<>();
    Map<String, PathEntry> changedStats = new HashMap<>();
    LinkedHashSet<FileChange> changes = new LinkedHashSet<>();
    LinkedHashSet<String> openForWrite = new LinkedHashSet<>();
    if (stayedUp) {
      if (proc.reachable(details.pid())) {
        ports = proc.listeningPorts(details.pid());
        ids = proc.processTree(details.pid());
        ids.forEach(p -> openForWrite.addAll(proc.openForWrite(p[0])));
        mountLogs = mountLogs(details.pid(), spec, mountLogs);
        for (TrialTmpfs mount : spec.tmpfs()) {
          proc.stat(details.pid(), mount.path()).ifPresent(s -> mountStats.put(mount.path(), s));
          mountBytes.put(mount.path(), proc.bytesUnder(details.pid(), mount.path()));
        }
      }
      if (watch.collectChanges()) {
        // Before the stop too: files removed at shutdown (pid files) vanish from a later diff.
        changes.addAll(engine.diff(id));
        if (proc.reachable(details.pid())) {
          for (FileChange change : changes) {
            proc.stat(details.pid(), change.path())
                .ifPresent(s -> changedStats.put(change.path(), s));
          }
        }
      }
      engine.stop(id, STOP_GRACE);
    }
    if (watch.collectChanges()) {
      changes.addAll(engine.diff(id));
    }
    long exitCode = engine.inspect(id).exitCode();
    String logs = engine.logs(id, LOG_TIMEOUT);
    // Log files on the trial's own mounts are read exactly as stdout is: Debian nginx's master
    // stays up while its workers' setgid(33) refusals go to /var/log/nginx/error.log only.
    StringBuilder everything = new StringBuilder(logs);
    mountLogs.values().forEach(text -> everything.append('\n').append(text));
    List<RefusedWrite> writes = RefusedWriteParser.parse(everything.toString(), spec.workingDir());
    List<RefusedOperation> operations =
        new ArrayList<>(RefusedOperationParser.parse(everything.toString()));
    // EACCES inside one of the trial's own mounts is the mount's owner or mode, not a path.
    List<RefusedWrite> pathWrites = new ArrayList<>();
    for (RefusedWrite write : writes) {
      if (write.kind() == RefusedWrite.Kind.PERMISSION_DENIED && underMount(spec, write.path())) {
        operations.add(
            new RefusedOperation(RefusedOperation.Kind.MOUNT_ACCESS, write.path(), write.line()));
      } else if (operations.stream().noneMatch(o -> o.line().equals(write.line()))) {
        pathWrites.add(write);
      }
    }
    return new TrialOutcome(
        spec,
        stayedUp,
        exitCode,
        exerciseExit,
        logs,
        pathWrites,
        operations,
        steady,
        ports,
        ids,
        new ArrayList<>(changes),
        changedStats,
        mountStats,
        mountBytes,
        new ArrayList<>(openForWrite),
        watched,
        mountLogs);
  }

  /**
   * The log files on the trial's fresh writable mounts: each tmpfs and anonymous volume (a bind or
   * named volume may hold an earlier run's lines, which this trial did not write). Keeps what an
   * earlier read found when the container is gone by now.
   */
  private Map<String, String> mountLogs(long pid, TrialSpec spec, Map<String, String> before) {
    List<String> dirs = new ArrayList<>();
    spec.tmpfs().forEach(m -> dirs.add(m.path()));
    spec.volumes().stream()
        .filter(v -> v.source().isEmpty() && !v.readOnly())
        .forEach(v -> dirs.add(v.target()));
    Map<String, String> logs = new java.util.TreeMap<>();
    for (String dir : dirs) {
      logs.putAll(proc.logFiles(pid, dir, LOG_FILES, LOG_TAIL_BYTES));
    }
    if (!proc.reachable(pid)) {
      return before;
    }
    return logs;
  }

  private Map<String, Long> bytes(long pid, TrialSpec spec) {
    Map<String, Long> bytes = new HashMap<>();
    spec.tmpfs().forEach(m -> bytes.put(m.path(), proc.bytesUnder(pid, m.path())));
    return bytes;
  }

  private static boolean underMount(TrialSpec spec, String path) {
    return spec.tmpfs().stream().anyMatch(m -> under(path, m.path()))
        || spec.volumes().stream().anyMatch(m -> under(path, m.target()));
  }

  static boolean under(String path, String dir) {
    return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrialInterruptedException();
    }
  }

  /** The watch was interrupted (Ctrl-C); the container is removed as the exception unwinds. */
  public static final class TrialInterruptedException extends RuntimeException {
    TrialInterruptedException() {
      super("interrupted while watching a trial container");
    }
  }
}
