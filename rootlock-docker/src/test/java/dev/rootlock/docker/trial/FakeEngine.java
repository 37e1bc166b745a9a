package dev.rootlock.docker.trial;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerSpec;
import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.docker.EngineInfo;
import dev.rootlock.docker.ExecResult;
import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.PathEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted engine for the trial engine's decisions that a real engine cannot be made to show on
 * demand (an engine that disappears mid-trial, a Ctrl-C). The real-engine ITs are the proof.
 */
class FakeEngine implements DockerEngine {

  final List<ContainerSpec> created = new ArrayList<>();
  final List<String> removed = new ArrayList<>();
  final List<String> labelled = new ArrayList<>();
  /** inspect() answers running this many times, then the engine is gone. */
  int inspectsBeforeGone = Integer.MAX_VALUE;
  boolean gone;

  @Override
  public EngineInfo info() {
    return new EngineInfo("fake", "1.41", "unix:///fake");
  }

  @Override
  public Optional<ImageConfig> inspectImage(String image) {
    return Optional.empty();
  }

  @Override
  public String create(ContainerSpec spec) {
    created.add(spec);
    return String.format("%064d", created.size());
  }

  @Override
  public void start(String containerId) {}

  @Override
  public void stop(String containerId, Duration grace) {}

  @Override
  public void remove(String containerId) {
    if (gone) {
      throw new DockerEngineException(Reason.UNREACHABLE, "Cannot connect to the Docker daemon");
    }
    removed.add(containerId);
  }

  @Override
  public ContainerDetails inspect(String containerIdOrName) {
    if (gone || inspectsBeforeGone-- <= 0) {
      gone = true;
      throw new DockerEngineException(Reason.UNREACHABLE, "Cannot connect to the Docker daemon");
    }
    return new ContainerDetails(containerIdOrName, "/fake", "img", true, 0, 0, "", List.of(),
        true, false, List.of(), List.of(), List.of(), Map.of(), List.of(), null, List.of());
  }

  @Override
  public List<String> containers(boolean all, Map<String, List<String>> filters) {
    return List.of();
  }

  @Override
  public List<String> containersLabelled(String label, String value) {
    if (gone) {
      throw new DockerEngineException(Reason.UNREACHABLE, "Cannot connect to the Docker daemon");
    }
    return labelled;
  }

  @Override
  public String logs(String containerId, Duration timeout) {
    return "";
  }

  @Override
  public List<FileChange> diff(String containerId) {
    return List.of();
  }

  @Override
  public ExecResult exec(String containerId, List<String> command, String user,
      Duration timeout) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<PathEntry> readPath(String containerId, String path, int maxBytes) {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
