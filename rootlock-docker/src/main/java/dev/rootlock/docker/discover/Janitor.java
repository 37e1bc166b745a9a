package dev.rootlock.docker.discover;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes every container a discovery run created (with its anonymous volumes): when the run ends,
 * fails or times out, and from a shutdown hook on Ctrl-C. Containers also carry the label
 * {@value #LABEL}={@code <run id>}, so anything left by a killed JVM can still be found.
 */
final class Janitor implements AutoCloseable {

  static final String LABEL = "dev.rootlock.discover";

  private final DockerEngine engine;
  private final String runId;
  private final Set<String> containers = new LinkedHashSet<>();
  private final Thread hook;

  Janitor(DockerEngine engine, String runId) {
    this.engine = engine;
    this.runId = runId;
    this.hook = new Thread(this::removeAll, "rootlock-discover-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  synchronized void track(String containerId) {
    containers.add(containerId);
  }

  /** Removes one container now; it stays tracked if the engine refused, for a later attempt. */
  synchronized void release(String containerId) {
    try {
      engine.remove(containerId);
      containers.remove(containerId);
    } catch (DockerEngineException e) {
      // Kept in the set: close() and the shutdown hook try again.
    }
  }

  synchronized void removeAll() {
    List<String> ids = new ArrayList<>(containers);
    // Also anything labelled with this run that we never got an id for (create raced a Ctrl-C).
    try {
      ids.addAll(engine.containersLabelled(LABEL, runId));
    } catch (DockerEngineException e) {
      // The engine is gone; nothing more can be removed.
    }
    for (String id : new LinkedHashSet<>(ids)) {
      try {
        engine.remove(id);
        containers.remove(id);
      } catch (DockerEngineException e) {
        // Best effort: the label lets `docker ps -a --filter label=` find what is left.
      }
    }
  }

  @Override
  public void close() {
    removeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }
}
