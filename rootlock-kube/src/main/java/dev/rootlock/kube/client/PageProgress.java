package dev.rootlock.kube.client;

/**
 * Told of each page a {@link PagedLister} hands on, so that a front end can show a sign of life
 * while a large cluster is listed. A port: the lister knows no terminal, and the default says
 * nothing.
 */
@FunctionalInterface
public interface PageProgress {

  /** Tells nobody. */
  PageProgress SILENT = (resource, namespace, objects) -> {};

  /**
   * A page of {@code objects} {@code resource} (e.g. {@code pods}) in {@code namespace} (null: all
   * namespaces) was listed and is about to be handled.
   */
  void listed(String resource, String namespace, int objects);
}
