package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.kube.AuditTable;
import dev.rootlock.kube.audit.AuditReport;
import dev.rootlock.kube.audit.KubeAudit;
import dev.rootlock.kube.client.KubeException;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.model.ScanResult;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.report.ReportContext;
import dev.rootlock.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rootlock kube audit}: every pod (and workload) of a live cluster, one row a container. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    descriptionHeading = "%n",
    header = "Evaluate every pod (and workload) in a live cluster.",
    description =
        "Lists pods page by page (and with --include-workloads every Deployment, StatefulSet,"
            + " DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and PodTemplate, with"
            + " the pods they own grouped under them) and evaluates each with the same checks as"
            + " 'rootlock scan'. A --workload-kind is listed too, at the version and under the"
            + " name the API server's discovery gives (as are DeploymentConfig, Argo Rollout and"
            + " Knative Service with --include-workloads, where served). READONLY shows 'unset (writable)' where kubectl's custom-columns"
            + " would print <none>.",
    footer = {
      "",
      "Examples:",
      "  rootlock kube audit -A",
      "  rootlock kube audit -n shop -o wide --include-workloads",
      "  rootlock kube audit -A \\",
      "      --workload-kind Workflow.example.com=spec.runner.template",
      "  rootlock kube audit -A --profile restricted -o sarif > cluster.sarif",
      "",
      "Exit codes: 0 nothing violates, 1 something violates, 2 usage error, unreachable server or"
          + " namespaces that could not be read.",
    })
final class KubeAuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions cluster;

  @Mixin PolicyOptions policy;

  @Mixin ConfigOptions config;

  @Option(
      names = "--include-workloads",
      description = "Also evaluate the workload objects, grouping owned pods under them.")
  boolean includeWorkloads;

  @Mixin WorkloadKindOptions workloadKinds;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<format>",
      defaultValue = "text",
      description = "text (a table), wide (more columns), json, sarif or junit. Default: text.")
  String output;

  @Override
  public Integer call() throws KubeException, IOException {
    java.util.Set<String> checks = Engine.standard().checkIds();
    // Live objects have no file: the config is the nearest one above the working directory.
    LevelVersion levelVersion = policy.levelVersion(config.configFor(null, checks));
    KubeOptions options =
        cluster
            .apply(KubeOptions.defaults())
            .withLevel(levelVersion.level(), levelVersion.version())
            .withExemptions(config.rules(checks))
            .withIncludeWorkloads(includeWorkloads)
            .withWide("wide".equals(output))
            .withKinds(workloadKinds.kinds());
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("text") || output.equals("wide")) {
      AuditReport report = KubeAudit.run(options);
      out.print(AuditTable.render(report, options.wide()));
      out.flush();
      return report.exitCode();
    }
    ReportFormat format = reportFormat();
    ScanResult result = KubeAudit.scan(options);
    ReportContext context =
        ReportContext.of(new VersionProvider().version(), null, Engine.standard().rules(), false);
    format.reporter(context).write(result, out);
    out.flush();
    return result.exitCode();
  }

  private ReportFormat reportFormat() {
    try {
      ReportFormat format = ReportFormat.parse(output);
      if (format != ReportFormat.TEXT) {
        return format;
      }
    } catch (IllegalArgumentException e) {
      // fall through to the usage error below
    }
    throw new ParameterException(
        spec.commandLine(),
        "-o: invalid output \"" + output + "\": must be one of text, wide, json, sarif, junit");
  }
}
