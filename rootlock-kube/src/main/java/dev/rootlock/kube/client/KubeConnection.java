package dev.rootlock.kube.client;

import dev.rootlock.kube.OneLine;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the cluster the way kubectl does and opens a client to it: {@code --kubeconfig} alone when
 * given; else the files in {@code KUBECONFIG} (merged, the first file winning); else {@code
 * ~/.kube/config}; else the in-cluster service account. {@code --context} picks a context by name
 * and must exist. The CLI's verbs and the webhook's server find their cluster through it alike.
 */
public final class KubeConnection {

  /** The in-cluster service account token kubectl and client-go look for. */
  static final Path SERVICE_ACCOUNT_TOKEN =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  // A CLI should fail fast on a dead server; fabric8's default is 10 retries with backoff.
  private static final int RETRIES = 2;
  private static final int RETRY_INTERVAL_MS = 200;
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final Map<String, String> env;
  private final Path home;
  private final Path serviceAccountToken;

  KubeConnection(Map<String, String> env, Path home, Path serviceAccountToken) {
    this.env = env;
    this.home = home;
    this.serviceAccountToken = serviceAccountToken;
  }

  /** The connection of this process: its environment and home directory. */
  public static KubeConnection ofProcess() {
    return new KubeConnection(
        System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT_TOKEN);
  }

  /** A client for the cluster {@code options} select ({@code --kubeconfig}, {@code --context}). */
  public KubernetesClient open(KubeOptions options) throws KubeException {
    return build(config(options));
  }

  /**
   * A client for a long-running server (the webhook): the cluster chosen as for the CLI, from
   * {@code kubeconfig} (or, when null, the places kubectl looks) and {@code context} (or, when
   * null, the current one), but with fabric8's own retries, so that an API server restarting while
   * the server starts is waited for rather than given up on after the CLI's two tries.
   */
  public KubernetesClient openForServer(Path kubeconfig, String context) throws KubeException {
    return build(select(kubeconfig, context, true));
  }

  private static KubernetesClient build(Config config) throws KubeException {
    try {
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (RuntimeException e) {
      // e.g. unreadable client certificate data or a CA file that is not PEM
      throw new KubeException(
          "cannot set up a client for " + config.getMasterUrl() + ": " + OneLine.rootCause(e), e);
    }
  }

  /** The client configuration {@code options} select, with rootlock's timeouts and retries. */
  Config config(KubeOptions options) throws KubeException {
    return config(options.kubeconfig(), options.context());
  }

  private Config config(Path kubeconfig, String context) throws KubeException {
    Config config = select(kubeconfig, context, false);
    config.setRequestRetryBackoffLimit(RETRIES);
    config.setRequestRetryBackoffInterval(RETRY_INTERVAL_MS);
    config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    return config;
  }

  /**
   * The cluster kubectl would pick. When there is none at all, a server ({@code serverDefault})
   * still starts on fabric8's default, as it always has: it answers /healthz, stays unready (503 on
   * /readyz) and keeps retrying, so a pod whose service account is mounted late, or a dogfood run,
   * is not a crash loop; the CLI says where it looked instead.
   */
  private Config select(Path kubeconfig, String context, boolean serverDefault)
      throws KubeException {
    List<File> files = kubeconfigFiles(kubeconfig);
    if (!files.isEmpty()) {
      return fromKubeconfigs(files, context);
    }
    if (context != null) {
      throw new KubeException(
          "context \"" + context + "\" does not exist: no kubeconfig file was found");
    }
    boolean inCluster =
        env.get("KUBERNETES_SERVICE_HOST") != null && Files.isRegularFile(serviceAccountToken);
    if (inCluster || serverDefault) {
      return Config.autoConfigure(null);
    }
    throw new KubeException(
        "no Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, create "
            + home.resolve(".kube/config")
            + ", or run inside a cluster");
  }

  /** The kubeconfig files to merge, in precedence order; empty when there are none. */
  List<File> kubeconfigFiles(Path explicit) throws KubeException {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new KubeException("kubeconfig " + explicit + " does not exist or is not a file");
      }
      return List.of(explicit.toFile());
    }
    List<File> files = new ArrayList<>();
    String listed = env.get("KUBECONFIG");
    if (listed != null && !listed.isEmpty()) {
      for (String name : listed.split(File.pathSeparator, -1)) {
        // kubectl skips names that do not exist; so do we.
        if (!name.isEmpty() && Files.isRegularFile(Path.of(name))) {
          files.add(new File(name));
        }
      }
      return files;
    }
    Path fallback = home.resolve(".kube").resolve("config");
    if (Files.isRegularFile(fallback)) {
      files.add(fallback.toFile());
    }
    return files;
  }

  /**
   * The configuration of {@code files} (kubectl's order), at {@code context} or their current one.
   * One file is read by fabric8 itself, which then also knows where to write refreshed tokens;
   * several are merged as kubectl merges them ({@link KubeconfigMerge}) and handed over as one
   * text.
   */
  private static Config fromKubeconfigs(List<File> files, String context) throws KubeException {
    List<KubeconfigMerge.Parsed> parsed = new ArrayList<>();
    for (File file : files) {
      parsed.add(
          new KubeconfigMerge.Parsed(parse(file), file.getAbsoluteFile().getParentFile().toPath()));
    }
    if (context != null && parsed.stream().noneMatch(p -> hasContext(p.config(), context))) {
      throw new KubeException("context \"" + context + "\" does not exist");
    }
    io.fabric8.kubernetes.api.model.Config merged = KubeconfigMerge.merge(parsed, context);
    String current = merged.getCurrentContext();
    if (current == null || current.isEmpty()) {
      throw new KubeException(
          "no current context in "
              + files.get(0)
              + ": pass --context, or run kubectl config use-context NAME");
    }
    if (!hasContext(merged, current)) {
      throw new KubeException("context \"" + current + "\" does not exist");
    }
    try {
      // This runs the context's exec credential plugin (aws, gcloud, kubelogin...), which may fail.
      return files.size() == 1
          ? Config.fromKubeconfig(context, files.get(0))
          : Config.fromKubeconfig(SERIALIZATION.asYaml(merged));
    } catch (RuntimeException e) {
      throw new KubeException(
          "cannot use kubeconfig " + files.get(0) + ": " + OneLine.rootCause(e), e);
    }
  }

  private static io.fabric8.kubernetes.api.model.Config parse(File file) throws KubeException {
    try {
      io.fabric8.kubernetes.api.model.Config config =
          SERIALIZATION.unmarshal(
              Files.readString(file.toPath(), StandardCharsets.UTF_8),
              io.fabric8.kubernetes.api.model.Config.class);
      // An empty file is an empty kubeconfig to kubectl, not an error.
      return config == null ? new io.fabric8.kubernetes.api.model.Config() : config;
    } catch (IOException | RuntimeException e) {
      throw new KubeException("cannot read kubeconfig " + file + ": " + OneLine.rootCause(e), e);
    }
  }

  private static boolean hasContext(io.fabric8.kubernetes.api.model.Config config, String name) {
    List<NamedContext> contexts = config.getContexts();
    return contexts != null && contexts.stream().anyMatch(c -> name.equals(c.getName()));
  }
}
