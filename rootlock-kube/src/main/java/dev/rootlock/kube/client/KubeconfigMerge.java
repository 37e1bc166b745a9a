package dev.rootlock.kube.client;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files of {@code KUBECONFIG} merged into one kubeconfig as kubectl merges them: the first file
 * to name a cluster, user or context wins, and so does the first {@code current-context}. A
 * relative file path (a CA, a client certificate or key, a token file, an exec command with a
 * slash) is relative to the file that wrote it, so it is made absolute before the files lose their
 * names. fabric8's public API reads one kubeconfig file or text; this is what lets rootlock hand it
 * several without its internal merging.
 */
final class KubeconfigMerge {

  private KubeconfigMerge() {}

  /**
   * One kubeconfig of {@code files} (parsed, with the directory each came from), its current
   * context {@code context} when given.
   */
  @SuppressWarnings("ReferenceEquality") // whether this file's entry is the one that won
  static Config merge(List<Parsed> files, String context) {
    Map<String, NamedCluster> clusters = new LinkedHashMap<>();
    Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
    Map<String, NamedContext> contexts = new LinkedHashMap<>();
    String current = null;
    for (Parsed file : files) {
      Config config = file.config();
      firstWins(clusters, config.getClusters(), NamedCluster::getName);
      firstWins(users, config.getUsers(), NamedAuthInfo::getName);
      firstWins(contexts, config.getContexts(), NamedContext::getName);
      for (NamedCluster cluster : nonNull(config.getClusters())) {
        if (clusters.get(cluster.getName()) == cluster) {
          absolutize(cluster.getCluster(), file.directory());
        }
      }
      for (NamedAuthInfo user : nonNull(config.getUsers())) {
        if (users.get(user.getName()) == user) {
          absolutize(user.getUser(), file.directory());
        }
      }
      String fileCurrent = config.getCurrentContext();
      if (current == null && fileCurrent != null && !fileCurrent.isEmpty()) {
        current = fileCurrent;
      }
    }
    Config merged = new Config();
    merged.setApiVersion("v1");
    merged.setKind("Config");
    merged.setClusters(new ArrayList<>(clusters.values()));
    merged.setUsers(new ArrayList<>(users.values()));
    merged.setContexts(new ArrayList<>(contexts.values()));
    merged.setCurrentContext(context != null ? context : current);
    return merged;
  }

  /** A parsed kubeconfig file and the directory its relative paths are relative to. */
  record Parsed(Config config, Path directory) {}

  private static <T> void firstWins(
      Map<String, T> merged, List<T> items, Function<T, String> name) {
    for (T item : nonNull(items)) {
      merged.putIfAbsent(name.apply(item), item);
    }
  }

  private static void absolutize(Cluster cluster, Path directory) {
    if (cluster != null) {
      cluster.setCertificateAuthority(resolve(directory, cluster.getCertificateAuthority()));
    }
  }

  private static void absolutize(AuthInfo user, Path directory) {
    if (user == null) {
      return;
    }
    user.setClientCertificate(resolve(directory, user.getClientCertificate()));
    user.setClientKey(resolve(directory, user.getClientKey()));
    user.setTokenFile(resolve(directory, user.getTokenFile()));
    ExecConfig exec = user.getExec();
    // client-go resolves an exec command relative to the file only when it names a path.
    if (exec != null && exec.getCommand() != null && exec.getCommand().contains("/")) {
      exec.setCommand(resolve(directory, exec.getCommand()));
    }
  }

  private static String resolve(Path directory, String file) {
    if (file == null || file.isEmpty() || Path.of(file).isAbsolute()) {
      return file;
    }
    return directory.resolve(file).toString();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
