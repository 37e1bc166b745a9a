package dev.rootlock.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock kube}: the live-cluster commands. */
final class KubeCommand {

  /** The model of {@code rootlock kube} and its verbs. */
  static CommandSpec spec() {
    CommandSpec spec = Commands.create(new KubeCommand(), "kube");
    spec.usageMessage()
        .header("Audit a live Kubernetes cluster, and see what enforcing a level would reject.")
        .description(
            "Talks to the API server the way kubectl does (KUBECONFIG, ~/.kube/config, the"
                + " in-cluster service account, --context) and evaluates what runs there with the"
                + " same engine as 'rootlock scan'.");
    spec.addSubcommand("audit", KubeAuditCommand.spec())
        .addSubcommand("readiness", KubeReadinessCommand.spec());
    return Commands.withStandardHelp(spec);
  }
}
