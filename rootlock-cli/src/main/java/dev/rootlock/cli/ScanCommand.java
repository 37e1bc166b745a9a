package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.engine.InputType;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.model.ScanResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code rootlock scan}: evaluate files against a policy level and report. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Check Kubernetes manifests, Compose files and Dockerfiles against a policy level.",
    description = {
      "",
      "Reads YAML and JSON manifests, Compose files and Dockerfiles (directories recursively,"
          + " '-' for standard input), evaluates every object that carries a pod template (Pod,"
          + " Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,"
          + " PodTemplate, and the items of List kinds), every Compose service and every"
          + " Dockerfile's final stage, and reports each violation at the file, line and column"
          + " of its field.",
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
      "Exit codes: 0 every object passes, 1 some object violates, 2 usage error or unreadable"
          + " input (the other inputs are still scanned and reported).",
    })
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand Main main;

  @Mixin PolicyOptions policy;

  @Mixin OutputOptions output;

  @Option(
      names = "--input-type",
      paramLabel = "<type>",
      defaultValue = "auto",
      description =
          "What the inputs hold: auto (by file name, then content), kubernetes, compose or"
              + " dockerfile. Needed only for standard input that auto-detection gets wrong.")
  String inputType;

  @Option(
      names = "--follow-symlinks",
      description = "Read symbolic links that lead out of a directory scanned (reported otherwise).")
  boolean followSymlinks;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories to scan; '-' reads standard input.")
  List<String> paths;

  @Override
  public Integer call() {
    output.reportFormat(); // reject a bad --format before reading anything
    Engine engine = Engine.standard();
    ScanResult result =
        engine.scan(
            new ScanRequest(
                paths, policy.levelVersion(), main.stdin, inputType(), followSymlinks));
    output.write(result, engine.rules());
    return result.exitCode();
  }

  private InputType inputType() {
    try {
      return InputType.valueOf(inputType.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--input-type: invalid value \"" + inputType + "\": must be one of auto, kubernetes, compose, dockerfile");
    }
  }
}
