package dev.rootlock.cli;

import dev.rootlock.kube.client.PageProgress;

/** A cluster's pages on the progress line: how many objects so far, and what is being listed. */
final class PageProgressLine implements PageProgress {

  private final Progress progress;
  private final String verb;
  private long objects;

  PageProgressLine(Progress progress, String verb) {
    this.progress = progress;
    this.verb = verb;
  }

  @Override
  public void listed(String resource, String namespace, int pageObjects) {
    objects += pageObjects;
    progress.step(
        verb
            + ": "
            + objects
            + " object(s) so far, listing "
            + resource
            + (namespace == null ? "" : " in " + namespace));
  }
}
