package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.kube.KubeAuditTable;
import dev.rootlock.kube.audit.KubeAudit;
import dev.rootlock.kube.audit.KubeAuditReport;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.kube.client.PageProgress;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock kube audit}: every pod (and workload) of a live cluster, one row a container. */
final class KubeAuditCommand implements Callable<Integer> {

  CommandSpec spec;

  ClusterOptions cluster;

  PolicyOptions policy;

  ConfigOptions config;

  boolean includeWorkloads;

  WorkloadKindOptions workloadKinds;

  AuditOutputOptions output;

  /** The model of {@code rootlock kube audit}. */
  static CommandSpec spec() {
    KubeAuditCommand audit = new KubeAuditCommand();
    CommandSpec spec = Commands.create(audit, "audit");
    audit.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Evaluate every pod (and workload) in a live cluster.")
        .description(
            "Lists pods page by page (and with --include-workloads every Deployment, StatefulSet,"
                + " DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and PodTemplate,"
                + " with the pods they own grouped under them) and evaluates each with the same"
                + " checks as 'rootlock scan'. A --workload-kind is listed too, at the version and"
                + " under the name the API server's discovery gives (as are DeploymentConfig, Argo"
                + " Rollout and Knative Service with --include-workloads, where served). READONLY"
                + " shows 'unset (writable)' where kubectl's custom-columns would print <none>.")
        .footer(
            "",
            "Examples:",
            "  rootlock kube audit -A",
            "  rootlock kube audit -n shop -f wide --include-workloads",
            "  rootlock kube audit -A \\",
            "      --workload-kind Workflow.example.com=spec.runner.template",
            "  rootlock kube audit -A -p restricted -f sarif -o cluster.sarif",
            "",
            "Exit codes: 0 nothing violates, 1 something violates, 2 usage error, unreachable"
                + " server or namespaces that could not be read.");
    audit.cluster = ClusterOptions.mixInto(spec);
    audit.policy = PolicyOptions.mixInto(spec);
    audit.config = ConfigOptions.mixInto(spec);
    spec.addOption(
        Flags.flag(given -> audit.includeWorkloads = given, "--include-workloads")
            .description("Also evaluate the workload objects, grouping owned pods under them.")
            .build());
    audit.workloadKinds = WorkloadKindOptions.mixInto(spec);
    audit.output = AuditOutputOptions.mixInto(spec);
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() throws KubeException, IOException {
    AuditFormat format = output.format(); // settle -o <format> before the cluster is read
    java.util.Set<String> checks = Engine.standard().checkIds();
    // Live objects have no file: the config is the nearest one above the working directory.
    LevelVersion levelVersion = policy.levelVersion(config.configFor(null, checks));
    KubeOptions options =
        cluster
            .apply(KubeOptions.defaults())
            .withLevel(levelVersion.level(), levelVersion.version())
            .withExemptions(config.rules(checks))
            .withIncludeWorkloads(includeWorkloads)
            .withWide(format == AuditFormat.wide)
            .withKinds(workloadKinds.kinds());
    Progress progress = Progress.onStandardError(spec.commandLine().getErr());
    PageProgress pages = new PageProgressLine(progress, "kube audit");
    if (format.isTable()) {
      KubeAuditReport report =
          progress.whileRunning(
              "kube audit: listing and checking", () -> KubeAudit.run(options, pages));
      output.writeText(KubeAuditTable.render(report, options.wide()));
      return report.exitCode();
    }
    ScanResult result =
        progress.whileRunning(
            "kube audit: listing and checking", () -> KubeAudit.scan(options, pages));
    output.write(result, Engine.standard());
    return result.exitCode();
  }
}
