package dev.rootlock.docker.discover;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.DockerEngineException.Reason;
import dev.rootlock.docker.HostProc;
import dev.rootlock.docker.ImageConfig;
import dev.rootlock.docker.trial.TrialJanitor;

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
    long started = System.nanoTime();
    engine.info();
    ImageConfig image = engine.inspectImage(request.image()).orElseThrow(
        () -> new DockerEngineException(Reason.IMAGE_NOT_FOUND, "image " + request.image()
            + " is not present locally, and rootlock never pulls: run `docker pull "
            + request.image() + "` (or build it) first"));
    String runId = TrialJanitor.newRunId();
    try (TrialJanitor janitor = new TrialJanitor(engine, LABEL, runId, System.err::println)) {
      return new DiscoveryRun(engine, proc, janitor, request, image, runId).run(started);
    }
  }
}
