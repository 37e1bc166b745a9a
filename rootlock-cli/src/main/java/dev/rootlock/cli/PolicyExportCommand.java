package dev.rootlock.cli;

import dev.rootlock.kube.export.VapExport;
import dev.rootlock.policy.LevelVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rootlock policy export}: the hardened additions as a ValidatingAdmissionPolicy. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    descriptionHeading = "%n",
    header = "Write rootlock's hardened checks as a ValidatingAdmissionPolicy.",
    description = {
      "Prints a ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1, Kubernetes 1.30+)"
          + " with rootlock's own messages, and three bindings: namespaces labelled"
          + " rootlock.dev/enforce=hardened deny pods, rootlock.dev/warn=hardened warn and"
          + " rootlock.dev/audit=hardened audit every pod-template kind. kube-system is skipped.",
      "",
      "Exported so far: readOnlyRootFilesystem (every init, regular and ephemeral container;"
          + " Windows pods exempt) and unboundedMemoryVolumes, held equal to 'rootlock scan' by"
          + " tests. Checks not exported"
          + " are named in comments at the top of the output. Pair it with Pod Security"
          + " Admission's restricted level, which the API server already has.",
    },
    footer = {
      "",
      "Examples:",
      "  rootlock policy export | kubectl apply -f -",
      "  rootlock policy export -o rootlock-vap.yaml",
      "  kubectl label namespace team rootlock.dev/warn=hardened",
      "",
      "Exit status: 0 written, 2 usage error or file not writable.",
    })
final class PolicyExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PolicyOptions policy;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "Write to this file (atomically) instead of standard output.")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "vap",
      defaultValue = "vap",
      description = "Output format; only vap (ValidatingAdmissionPolicy) for now.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("vap")) {
      throw new ParameterException(
          spec.commandLine(), "--format: \"" + format + "\" is not supported; use vap");
    }
    LevelVersion levelVersion = policy.levelVersion();
    String yaml;
    try {
      yaml = VapExport.yaml(levelVersion);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(yaml);
      out.flush();
    } else {
      AtomicFiles.writeText(output, yaml);
    }
    return 0;
  }
}
