package dev.rootlock.cli;

import dev.rootlock.kube.ReadinessJson;
import dev.rootlock.kube.ReadinessText;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.client.PageProgress;
import dev.rootlock.kube.readiness.KubeReadiness;
import dev.rootlock.kube.readiness.ReadinessReport;
import dev.rootlock.model.LevelVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock kube readiness}: what switching enforce to a level would reject today. */
final class KubeReadinessCommand implements Callable<Integer> {

  CommandSpec spec;

  ClusterOptions cluster;

  ConfigOptions config;

  PolicyOptions policy;

  TextOrJsonOutput output;

  /** The model of {@code rootlock kube readiness}. */
  static CommandSpec spec() {
    KubeReadinessCommand readiness = new KubeReadinessCommand();
    CommandSpec spec = Commands.create(readiness, "readiness");
    readiness.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Show what enforcing a level in each namespace would reject today.")
        .description(
            "For each namespace: its pod-security.kubernetes.io/* and rootlock.dev/* labels, the"
                + " existing pods the new enforce level would reject (in the API server's own"
                + " wording), and the kubectl label commands for the warn, then audit, then enforce"
                + " rollout.")
        .footer(
            "",
            "Examples:",
            "  rootlock kube readiness -n shop",
            "  rootlock kube readiness -A -p restricted --policy-version v1.30",
            "  rootlock kube readiness -A -f json -o readiness.json",
            "",
            "A pod that fails only checks exempt by .rootlock.yaml or its rootlock.dev/exempt"
                + " annotations is counted as exempt, not rejected (docs/config.md); the warnings"
                + " stay the API server's.",
            "",
            "Exit codes: 0 every namespace is ready, 1 some namespace would reject pods, 2 usage"
                + " error or an unreachable or unreadable cluster.");
    readiness.cluster = ClusterOptions.mixInto(spec);
    readiness.config = ConfigOptions.mixInto(spec);
    readiness.policy = PolicyOptions.mixInto(spec);
    readiness.output = TextOrJsonOutput.mixInto(spec);
    // The name this flag had before every verb said --profile; kept working, out of the help.
    spec.addOption(Flags.level(Profile.class, level -> readiness.policy.profile = level).build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() throws KubeException {
    boolean json = output.json(); // settle -o <format> before the cluster is read
    java.util.Set<String> checks = dev.rootlock.engine.Engine.standard().checkIds();
    // Live pods have no file: the config is the nearest one above the working directory, read
    // (and checked) before the cluster is.
    LevelVersion levelVersion = policy.levelVersion(config.configFor(null, checks));
    KubeOptions options =
        cluster
            .apply(KubeOptions.defaults())
            .withLevel(levelVersion.level(), levelVersion.version())
            .withExemptions(config.rules(checks));
    Progress progress = Progress.onStandardError(spec.commandLine().getErr());
    PageProgress pages = new PageProgressLine(progress, "kube readiness");
    ReadinessReport report =
        progress.whileRunning(
            "kube readiness: listing and checking", () -> KubeReadiness.run(options, pages));
    output.writeText(json ? ReadinessJson.render(report) : ReadinessText.render(report));
    return report.exitCode();
  }
}
