package dev.rootlock.cli;

import dev.rootlock.kube.client.KubeOptions;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Which cluster and which namespaces, exactly as kubectl takes them. */
final class ClusterOptions {

  String namespace;

  boolean allNamespaces;

  String context;

  Path kubeconfig;

  /** Adds kubectl's {@code -n}, {@code -A}, {@code --context} and {@code --kubeconfig}. */
  static ClusterOptions mixInto(CommandSpec command) {
    ClusterOptions cluster = new ClusterOptions();
    command.addMixin(
        "cluster",
        Commands.mixin(cluster)
            .addOption(
                Flags.value(String.class, name -> cluster.namespace = name, "-n", "--namespace")
                    .paramLabel("<namespace>")
                    .description(
                        "The namespace to look at. Default: the kubeconfig context's, else"
                            + " default.")
                    .build())
            .addOption(
                Flags.flag(all -> cluster.allNamespaces = all, "-A", "--all-namespaces")
                    .description("Look at every namespace (overrides --namespace).")
                    .build())
            .addOption(
                Flags.value(String.class, name -> cluster.context = name, "--context")
                    .paramLabel("<context>")
                    .description("The kubeconfig context to use. Default: the current context.")
                    .build())
            .addOption(
                Flags.file(file -> cluster.kubeconfig = file, "--kubeconfig")
                    .description(
                        "The kubeconfig file to use. Default: as kubectl: KUBECONFIG,"
                            + " ~/.kube/config, then the in-cluster service account.")
                    .build()));
    return cluster;
  }

  /** The defaults with this command's cluster and namespace choices applied. */
  KubeOptions apply(KubeOptions options) {
    KubeOptions scoped =
        allNamespaces ? options.withAllNamespaces() : options.withNamespace(namespace);
    return scoped.withContext(context, kubeconfig);
  }
}
