package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.model.ScanResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rootlock scan}: evaluate files against a policy level and report. */
@Command(
    name = "scan",
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Check Kubernetes manifests against a policy level.",
    description = {
      "",
      "Reads YAML and JSON manifests (directories recursively, '-' for standard input),",
      "evaluates every object that carries a pod template (Pod, Deployment, StatefulSet,",
      "DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate, and the items",
      "of List kinds) and reports each violation at the file, line and column of its field.",
      "",
    },
    footer = {
      "",
      "Examples:",
      "  rootlock scan examples/",
      "  rootlock scan -p restricted --policy-version v1.25 deploy.yaml",
      "  kubectl get pods -n shop -o yaml | rootlock scan -",
      "  rootlock scan -f sarif -o rootlock.sarif manifests/",
      "",
      "Exit codes: 0 every object passes, 1 some object violates, 2 usage error or unreadable",
      "input (the other inputs are still scanned and reported).",
    })
final class ScanCommand implements Callable<Integer> {

  @Mixin PolicyOptions policy;

  @Mixin OutputOptions output;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories to scan; '-' reads standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    output.reportFormat(); // reject a bad --format before reading anything
    Engine engine = Engine.standard();
    ScanResult result = engine.scan(new ScanRequest(paths, policy.levelVersion(), System.in));
    output.write(result, engine.rules());
    return result.exitCode();
  }
}
