package dev.rootlock.kube.audit;

import dev.rootlock.kube.TestApiServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves the benchmark cluster: fabric8's CRUD mock with {@code limit}/{@code continue} holding
 * {@code pods} pods spread over {@code namespaces} namespaces, on loopback. Writes its URL to the
 * file named by the first argument once ready, and stops when standard input closes.
 *
 * <p>Run by {@code scripts/bench-kube}; it lives in its own JVM so the audit's heap is measured
 * without the server's.
 */
public final class KubeBenchServer {

  private KubeBenchServer() {}

  public static void main(String[] args) throws Exception {
    Path urlFile = Path.of(args[0]);
    int namespaces = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int pods = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    long start = System.nanoTime();
    BenchCluster cluster = new BenchCluster();
    try (TestApiServer api = new TestApiServer()) {
      int perNamespace = pods / namespaces;
      for (int n = 0; n < namespaces; n++) {
        String namespace = String.format("team-%03d", n);
        api.crud.store(
            "/api/v1/namespaces/" + namespace,
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + namespace
                + "\"}}");
        for (int i = 0; i < perNamespace; i++) {
          api.crud.store(
              "/api/v1/namespaces/" + namespace + "/pods",
              cluster.podJson(namespace, i, perNamespace));
        }
      }
      System.err.printf(
          "bench-kube server: %d pods in %d namespaces at %s, ready in %.1f s%n",
          perNamespace * namespaces,
          namespaces,
          api.server.url("/"),
          (System.nanoTime() - start) / 1e9);
      Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
      Files.writeString(partial, api.server.url("/"));
      Files.move(partial, urlFile);
      while (System.in.read() != -1) {
        // Wait for the script to close our standard input.
      }
    }
  }
}
