package dev.rootlock.docker.discover;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.trial.TrialJanitor;
import java.util.List;

/**
 * {@code rootlock docker discover}: finds the paths an image needs writable and proves them with a
 * read-only run. Static evidence (image config), a writable observation run ({@code docker diff}),
 * then read-only trials that add what the logs say was refused, up to the request's limit. Every
 * container it creates is removed, also on errors and Ctrl-C.
 */
public final class Discovery {

  /** Every container a discovery creates carries {@value}={@code <run id>}. */
  public static final String LABEL = "dev.rootlock.discover";

  private final DockerEngine engine;
  private final HostProc proc;

  public Discovery(DockerEngine engine) {
    this(engine, HostProc.host());
  }

  public Discovery(DockerEngine engine, HostProc proc) {
    this.engine = engine;
    this.proc = proc;
  }

  /**
   * Runs the whole pipeline.
   *
   * @throws DockerEngineException when the engine is unreachable or the image is not local
   * @throws DiscoveryException when the image fails even with a writable root
   */
  public DiscoveryReport discover(DiscoverRequest request) {
    return discover(request, DiscoveryProgress.SILENT);
  }

  /** As {@link #discover(DiscoverRequest)}, telling {@code progress} as each run starts. */
  public DiscoveryReport discover(DiscoverRequest request, DiscoveryProgress progress) {
    long started = System.nanoTime();
    engine.info();
    ImageConfig image =
        engine
            .inspectImage(request.image())
            .orElseThrow(
                () ->
                    new DockerEngineException(
                        Reason.IMAGE_NOT_FOUND,
                        "image "
                            + request.image()
                            + " is not present locally, and rootlock never pulls: run `docker pull "
                            + request.image()
                            + "` (or build it) first"));
    String runId = TrialJanitor.newRunId();
    TrialJanitor janitor = new TrialJanitor(engine, LABEL, runId, System.err::println);
    try {
      return new DiscoveryRun(engine, proc, janitor, request, image, runId, progress).run(started);
    } catch (DockerEngineException e) {
      // An engine that went away mid-trial cannot remove what it runs: say what is left, and how
      // to remove it once the engine is back.
      janitor.close();
      List<String> left = janitor.leftBehind();
      if (left.isEmpty()) {
        throw e;
      }
      throw new DockerEngineException(
          e.reason(),
          e.getMessage()
              + "; left behind: container(s) "
              + String.join(", ", left)
              + " (remove them with: "
              + janitor.removeCommand()
              + ")",
          e);
    } finally {
      janitor.close();
    }
  }
}
