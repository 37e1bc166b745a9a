package dev.rootlock.cli;

import dev.rootlock.kube.client.KubeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster and which namespaces, exactly as kubectl takes them. */
final class ClusterOptions {

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "<namespace>",
      description = "The namespace to look at. Default: the kubeconfig context's, else default.")
  String namespace;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "Look at every namespace (overrides --namespace).")
  boolean allNamespaces;

  @Option(
      names = "--context",
      paramLabel = "<context>",
      description = "The kubeconfig context to use. Default: the current context.")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "<file>",
      description =
          "The kubeconfig file to use. Default: as kubectl: KUBECONFIG, ~/.kube/config, then the"
              + " in-cluster service account.")
  Path kubeconfig;

  /** The defaults with this command's cluster and namespace choices applied. */
  KubeOptions apply(KubeOptions options) {
    KubeOptions scoped =
        allNamespaces ? options.withAllNamespaces() : options.withNamespace(namespace);
    return scoped.withContext(context, kubeconfig);
  }
}
