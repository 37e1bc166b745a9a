package dev.rootlock.cli;

import picocli.CommandLine.Command;

/** {@code rootlock kube}: the live-cluster commands. */
@Command(
    name = "kube",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Audit a live Kubernetes cluster, and see what enforcing a level would reject.",
    description =
        "Talks to the API server the way kubectl does (KUBECONFIG, ~/.kube/config, the in-cluster"
            + " service account, --context) and evaluates what runs there with the same engine as"
            + " 'rootlock scan'.",
    subcommands = {KubeAuditCommand.class, KubeReadinessCommand.class})
final class KubeCommand {}
