package dev.rootlock.cli;

import dev.rootlock.kube.export.ExportExemptions;
import dev.rootlock.kube.export.MutatingExport;
import dev.rootlock.kube.export.VapExport;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.webhook.config.InvalidConfigException;
import dev.rootlock.webhook.config.PsaExemptions;
import dev.rootlock.webhook.config.WebhookConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock policy export}: the hardened additions as a ValidatingAdmissionPolicy. */
final class PolicyExportCommand implements Callable<Integer> {

  CommandSpec spec;

  PolicyOptions policy;

  Path output;

  String format;

  Path config;

  boolean noExemptions;

  boolean mutating;

  /** The model of {@code rootlock policy export}. */
  static CommandSpec spec() {
    PolicyExportCommand export = new PolicyExportCommand();
    CommandSpec spec = Commands.create(export, "export");
    export.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Write rootlock's hardened checks as a ValidatingAdmissionPolicy.")
        .description(
            "Prints a ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1, Kubernetes 1.30+)"
                + " with rootlock's own messages, and three bindings: namespaces labelled"
                + " rootlock.dev/enforce=hardened deny pods, rootlock.dev/warn=hardened warn and"
                + " rootlock.dev/audit=hardened audit every pod-template kind. kube-system is"
                + " skipped.",
            "",
            "Exported: readOnlyRootFilesystem (every init, regular and ephemeral container; Windows"
                + " pods exempt), sensitiveHostPaths, unboundedMemoryVolumes and"
                + " writableSystemPaths, held equal to 'rootlock scan' by tests. Checks not"
                + " exported are named in comments at the top of the output. Pair it with Pod"
                + " Security Admission's restricted level, which the API server already has.",
            "",
            "PsaExemptions: --config takes the same file as 'rootlock webhook serve'; its usernames"
                + " and runtimeClasses become the policy's matchConditions, its namespaces are"
                + " skipped by the bindings.",
            "",
            "An object, or its pod template, with the annotation",
            "  rootlock.dev/exempt: \"<check>[,<check>]: reason\"",
            "is not judged on those checks, unless --no-exemptions.")
        .footer(
            "",
            "Examples:",
            "  rootlock policy export | kubectl apply -f -",
            "  rootlock policy export -o rootlock-vap.yaml",
            "  rootlock policy export --config podsecurity.yaml | kubectl apply -f -",
            "  rootlock policy export --mutating | kubectl apply -f -",
            "  kubectl label namespace team rootlock.dev/warn=hardened",
            "",
            "Exit status: 0 written, 2 usage error or file not writable.");
    export.policy = PolicyOptions.mixInto(spec);
    spec.addOption(
        Flags.file(file -> export.output = file, "-o", "--output")
            .description("Write to this file (atomically) instead of standard output.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> export.format = value, "-f", "--format")
            .paramLabel("vap")
            .defaultValue("vap")
            .description("Output format; only vap (ValidatingAdmissionPolicy) for now.")
            .build());
    spec.addOption(
        Flags.file(file -> export.config = file, "--config")
            .description(
                "The webhook's PodSecurityConfiguration-shaped file; only its exemptions are used.")
            .build());
    spec.addOption(
        Flags.flag(given -> export.noExemptions = given, "--no-exemptions")
            .description("Ignore the rootlock.dev/exempt annotation: judge every object fully.")
            .build());
    spec.addOption(
        Flags.flag(given -> export.mutating = given, "--mutating")
            .description(
                "Also write a MutatingAdmissionPolicy (v1beta1, Kubernetes 1.34+) that gives new"
                    + " pods in namespaces labelled rootlock.dev/mutate=true read-only roots and a"
                    + " /tmp.")
            .build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    if (!format.equals("vap")) {
      throw new ParameterException(
          spec.commandLine(), "--format: \"" + format + "\" is not supported; use vap");
    }
    LevelVersion levelVersion = policy.levelVersion();
    String yaml;
    try {
      ExportExemptions exemptions = exemptions();
      yaml = VapExport.yaml(levelVersion, exemptions);
      if (mutating) {
        yaml += MutatingExport.yaml(exemptions);
      }
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

  private ExportExemptions exemptions() {
    PsaExemptions configured = PsaExemptions.NONE;
    if (config != null) {
      try {
        configured = WebhookConfig.load(config).exemptions();
      } catch (NoSuchFileException e) {
        throw new UserException("--config: no such file: " + config);
      } catch (IOException e) {
        throw new UserException("--config: cannot read " + config + ": " + e.getMessage());
      } catch (InvalidConfigException e) {
        throw new UserException(
            "--config: " + config + ": invalid configuration: " + String.join("; ", e.problems()));
      }
    }
    return new ExportExemptions(
        configured.usernames(),
        configured.runtimeClasses(),
        configured.namespaces(),
        !noExemptions);
  }
}
