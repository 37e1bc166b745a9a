package dev.rootlock.docker.trial;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Removes every container a set of trials created (with its anonymous volumes): each one when its
 * trial ends, all that are left on {@link #close()}, and from a shutdown hook on Ctrl-C, which then
 * reports (to {@code onInterrupt}, normally stderr) which containers it removed. Each container
 * carries the label {@code label=runId}, so a killed JVM's leftovers can be found with {@code
 * docker ps -a --filter label=LABEL=RUNID} and are also swept on close.
 */
public final class TrialJanitor implements AutoCloseable {

  /** The default label key for trials. */
  public static final String LABEL = "dev.rootlock.trial";

  private final DockerEngine engine;
  private final String label;
  private final String runId;
  private final Consumer<String> onInterrupt;
  private final Set<String> containers = new LinkedHashSet<>();
  private final Thread hook;
  private volatile boolean closed;

  public TrialJanitor(
      DockerEngine engine, String label, String runId, Consumer<String> onInterrupt) {
    this.engine = engine;
    this.label = label;
    this.runId = runId;
    this.onInterrupt = onInterrupt;
    this.hook = new Thread(this::interrupted, "rootlock-trial-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A janitor with the default label, a fresh run id, reporting Ctrl-C on stderr. */
  public static TrialJanitor forEngine(DockerEngine engine) {
    return new TrialJanitor(engine, LABEL, newRunId(), System.err::println);
  }

  /** A random 12-hex-digit id for labelling one run's containers. */
  public static String newRunId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
  }

  public String label() {
    return label;
  }

  public String runId() {
    return runId;
  }

  public synchronized void track(String containerId) {
    containers.add(containerId);
  }

  /** Removes one container now; it stays tracked if the engine refused, for a later attempt. */
  public synchronized void release(String containerId) {
    try {
      engine.remove(containerId);
      containers.remove(containerId);
    } catch (DockerEngineException e) {
      // Kept: close() and the shutdown hook try again.
    }
  }

  /** Removes what is left and returns the short ids it removed. */
  public synchronized List<String> removeAll() {
    List<String> ids = new ArrayList<>(containers);
    try {
      ids.addAll(engine.containersLabelled(label, runId)); // created, but a Ctrl-C beat the id
    } catch (DockerEngineException e) {
      // The engine is gone; nothing more can be removed.
    }
    List<String> removed = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      try {
        engine.remove(id);
        containers.remove(id);
        removed.add(id.length() > 12 ? id.substring(0, 12) : id);
      } catch (DockerEngineException e) {
        // Best effort: the label still finds it.
      }
    }
    return removed;
  }

  /**
   * The short ids of the containers it could not remove (the engine went away), empty when all are
   * gone; with {@link #removeCommand()} for the message that names them.
   */
  public synchronized List<String> leftBehind() {
    return containers.stream().map(id -> id.length() > 12 ? id.substring(0, 12) : id).toList();
  }

  /** The command that removes whatever this run left behind, by its label. */
  public String removeCommand() {
    return "docker rm -f -v $(docker ps -aq --filter label=" + label + "=" + runId + ")";
  }

  void interrupted() {
    if (closed) {
      return;
    }
    boolean any;
    synchronized (this) {
      any = !containers.isEmpty();
    }
    List<String> removed = removeAll();
    if (any || !removed.isEmpty()) {
      onInterrupt.accept(
          "rootlock: interrupted; removed "
              + (removed.isEmpty() ? "no containers" : "container(s) " + String.join(", ", removed))
              + " (label "
              + label
              + "="
              + runId
              + ")");
    }
  }

  @Override
  public void close() {
    removeAll();
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }
}
