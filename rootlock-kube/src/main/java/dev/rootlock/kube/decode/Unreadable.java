package dev.rootlock.kube.decode;

/**
 * Something the audit could not read, typically RBAC {@code forbidden} on one namespace.
 *
 * @param namespace the namespace, or null for a cluster-wide list
 * @param resource the resource that could not be listed, e.g. {@code pods}
 * @param message the API server's reason, one line
 */
public record Unreadable(String namespace, String resource, String message) {

  /** {@code namespace "ns" (pods): message}. */
  @Override
  public String toString() {
    String where = namespace == null ? "all namespaces" : "namespace \"" + namespace + "\"";
    return where + " (" + resource + "): " + message;
  }
}
