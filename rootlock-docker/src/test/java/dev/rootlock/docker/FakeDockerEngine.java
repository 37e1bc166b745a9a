package dev.rootlock.docker;

import dev.rootlock.docker.DockerEngineException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted {@link DockerEngine} for unit tests of the decisions made on top of the port: which
 * container comes next, what a refused write adds, when to stop, what to report. Each started
 * container runs the {@link Application} once, against the spec it was created with, and is stopped
 * by the time it is first inspected unless the application stays up. The real-engine ITs remain the
 * proof that rootlock reads a real engine right; this fake only decides faster and on demand (an
 * engine that vanishes mid-trial).
 */
public final class FakeDockerEngine implements DockerEngine {

  /** What one run of the image does, given exactly how it was started. */
  @FunctionalInterface
  public interface Application {
    Run run(ContainerSpec spec);
  }

  /** How a run ended: up, or exited with a status; what it logged and changed. */
  public record Run(boolean stayedUp, long exitCode, String logs, List<FileChange> changes) {

    /** A service that stays up, quietly, changing nothing. */
    public static final Run UP = new Run(true, 0, "", List.of());

    public Run {
      changes = List.copyOf(changes);
    }

    public static Run exited(long exitCode, String logs, List<FileChange> changes) {
      return new Run(false, exitCode, logs, changes);
    }
  }

  /** Every create, in order. */
  public final List<ContainerSpec> created = new ArrayList<>();

  /** The specs of started containers, in order: the runs, without never-started probes. */
  public final List<ContainerSpec> started = new ArrayList<>();

  public final List<String> removed = new ArrayList<>();

  /** What {@link #containersLabelled} answers. */
  public final List<String> labelled = new ArrayList<>();

  /** How exec answers a command; by default the fake runs none. */
  public java.util.function.Function<List<String>, ExecResult> execs =
      command -> {
        throw new UnsupportedOperationException("the fake engine runs no exercise commands");
      };

  /** inspect() answers this many times, then the engine is gone (unreachable). */
  public int inspectsBeforeGone = Integer.MAX_VALUE;

  public boolean gone;

  private final Map<String, PathEntry> files = new HashMap<>();
  private final Map<String, ContainerSpec> specs = new HashMap<>();
  private final Map<String, Run> runs = new HashMap<>();
  private ImageConfig image;
  private Application application = spec -> Run.UP;

  /** The only image present, as {@code inspectImage} reports it. */
  public FakeDockerEngine withImage(ImageConfig config) {
    this.image = config;
    return this;
  }

  /** A directory of the image, as {@code readPath} shows it. */
  public FakeDockerEngine withDirectory(String path, int mode, long uid, long gid) {
    files.put(path, new PathEntry(path, mode, uid, gid, true, new byte[0]));
    return this;
  }

  /** A regular file of the image with its content, as {@code readPath} shows it. */
  public FakeDockerEngine withFile(String path, String content) {
    files.put(
        path, new PathEntry(path, 0644, 0, 0, false, content.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  public FakeDockerEngine running(Application app) {
    this.application = app;
    return this;
  }

  @Override
  public EngineInfo info() {
    return new EngineInfo("fake", "1.41", "unix:///fake");
  }

  @Override
  public Optional<ImageConfig> inspectImage(String name) {
    return Optional.ofNullable(image);
  }

  @Override
  public String create(ContainerSpec spec) {
    created.add(spec);
    String id = String.format("%064d", created.size());
    specs.put(id, spec);
    return id;
  }

  @Override
  public void start(String containerId) {
    ContainerSpec spec = specs.get(containerId);
    started.add(spec);
    runs.put(containerId, application.run(spec));
  }

  @Override
  public void stop(String containerId, Duration grace) {
    Run run = runs.get(containerId);
    if (run != null && run.stayedUp()) {
      runs.put(containerId, new Run(false, 0, run.logs(), run.changes()));
    }
  }

  @Override
  public void remove(String containerId) {
    if (gone) {
      throw unreachable();
    }
    removed.add(containerId);
  }

  @Override
  public ContainerDetails inspect(String containerIdOrName) {
    if (gone || inspectsBeforeGone-- <= 0) {
      gone = true;
      throw unreachable();
    }
    Run run = runs.getOrDefault(containerIdOrName, Run.exited(0, "", List.of()));
    return new ContainerDetails(
        containerIdOrName,
        "/fake",
        "img",
        run.stayedUp(),
        0,
        run.exitCode(),
        "",
        List.of(),
        true,
        false,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        null,
        List.of());
  }

  @Override
  public List<String> containers(boolean all, Map<String, List<String>> filters) {
    return List.of();
  }

  @Override
  public List<String> containersLabelled(String label, String value) {
    if (gone) {
      throw unreachable();
    }
    return labelled;
  }

  @Override
  public String logs(String containerId, Duration timeout) {
    return runs.containsKey(containerId) ? runs.get(containerId).logs() : "";
  }

  @Override
  public List<FileChange> diff(String containerId) {
    return runs.containsKey(containerId) ? runs.get(containerId).changes() : List.of();
  }

  @Override
  public ExecResult exec(String containerId, List<String> command, String user, Duration timeout) {
    return execs.apply(command);
  }

  @Override
  public Optional<PathEntry> readPath(String containerId, String path, int maxBytes) {
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public void close() {}

  private static DockerEngineException unreachable() {
    return new DockerEngineException(Reason.UNREACHABLE, "Cannot connect to the Docker daemon");
  }
}
