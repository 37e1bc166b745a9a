package dev.rootlock.docker.discover;

/**
 * What a discovery is doing, told as it starts each run, so that a front end can show a sign of
 * life during minutes of trials. A port: discovery knows no terminal, and the default says nothing.
 */
@FunctionalInterface
public interface DiscoveryProgress {

  /** Tells nobody. */
  DiscoveryProgress SILENT = (run, runs, what) -> {};

  /**
   * Run {@code run} of at most {@code runs} starts: run 0 is the writable observation run, runs 1
   * and up are the read-only trials, numbered as the report numbers them.
   *
   * @param what what the run tries, e.g. {@code as root, the capabilities it needs}
   */
  void starting(int run, int runs, String what);
}
