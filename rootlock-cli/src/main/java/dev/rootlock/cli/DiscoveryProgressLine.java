package dev.rootlock.cli;

import dev.rootlock.docker.discover.DiscoveryProgress;

/** Discovery's runs on the progress line: the writable run, then trial N of at most M. */
final class DiscoveryProgressLine implements DiscoveryProgress {

  private final Progress progress;

  DiscoveryProgressLine(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void starting(int run, int runs, String what) {
    progress.step(
        run == 0
            ? "discover: " + what
            : "discover: trial " + run + " of at most " + runs + ": " + what);
  }
}
