package dev.rootlock.docker.discover;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerSpec;
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

/**
 * Runs the image once, watches it for the request's duration (or until it exits), runs the
 * exercise command, stops it gracefully and collects logs, changes and mount facts; the container
 * is removed before this returns, also when something fails.
 */
final class Runner {

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration LOG_TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_MILLIS = 200;

  private final DockerEngine engine;
  private final HostProc proc;
  private final Janitor janitor;
  private final DiscoverRequest request;
  private final String runId;

  Runner(DockerEngine engine, HostProc proc, Janitor janitor, DiscoverRequest request,
      String runId) {
    this.engine = engine;
    this.proc = proc;
    this.janitor = janitor;
    this.request = request;
    this.runId = runId;
  }

  ContainerRun run(boolean readOnly, Map<String, String> tmpfs) {
    ContainerSpec spec = new ContainerSpec(request.image(), request.cmd(), request.env(),
        request.user(), readOnly, tmpfs, request.network(), Map.of(Janitor.LABEL, runId));
    String id = engine.create(spec);
    janitor.track(id);
    try {
      engine.start(id);
      long started = System.nanoTime();
      long deadline = started + request.duration().toNanos();
      long settle = Math.min(Duration.ofSeconds(2).toNanos(), request.duration().toNanos() / 2);
      long exerciseExit = ContainerRun.NO_EXERCISE;
      ContainerDetails details = engine.inspect(id);
      while (details.running() && System.nanoTime() < deadline) {
        if (!request.exercise().isEmpty() && exerciseExit == ContainerRun.NO_EXERCISE
            && System.nanoTime() - started >= settle) {
          Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
          exerciseExit = engine.exec(id, List.of("sh", "-c", request.exercise()), null, left)
              .exitCode();
        } else {
          sleep();
        }
        details = engine.inspect(id);
      }
      boolean stayedUp = details.running();
      Map<String, PathEntry> stats = new HashMap<>();
      Map<String, Long> bytes = new HashMap<>();
      LinkedHashSet<FileChange> changes = new LinkedHashSet<>();
      if (stayedUp) {
        if (proc.reachable(details.pid())) {
          for (String path : tmpfs.keySet()) {
            proc.stat(details.pid(), path).ifPresent(s -> stats.put(path, s));
            bytes.put(path, proc.bytesUnder(details.pid(), path));
          }
        }
        if (!readOnly) {
          // Before the stop too: files removed at shutdown (pid files) vanish from a later diff.
          changes.addAll(engine.diff(id));
        }
        engine.stop(id, STOP_GRACE);
      }
      if (!readOnly) {
        changes.addAll(engine.diff(id));
      }
      long exitCode = engine.inspect(id).exitCode();
      String logs = engine.logs(id, LOG_TIMEOUT);
      return new ContainerRun(stayedUp, exitCode, exerciseExit, logs, new ArrayList<>(changes),
          stats, bytes);
    } finally {
      janitor.release(id);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscoveryException("interrupted while watching the container");
    }
  }
}
