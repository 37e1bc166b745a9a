package dev.rootlock.cli;

import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.WorkloadKinds;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --workload-kind}: the user's custom kinds that carry a pod template, for scan, fix, kube
 * audit and the webhook. {@link #kinds()} is the one place the table is built from options; a
 * configuration file's mappings belong there too.
 */
final class WorkloadKindOptions {

  /** The command this option belongs to. */
  CommandSpec spec;

  List<String> mappings = List.of();

  /** Adds {@code --workload-kind} to {@code command}. */
  static WorkloadKindOptions mixInto(CommandSpec command) {
    WorkloadKindOptions kinds = new WorkloadKindOptions();
    kinds.spec = command;
    command.addMixin(
        "workloadKinds",
        Commands.mixin(kinds)
            .addOption(
                Flags.list(String.class, given -> kinds.mappings = given, "--workload-kind")
                    .paramLabel("<Kind.group=path>")
                    .description(
                        "Also read this custom kind's pod template at this path, e.g."
                            + " Workflow.example.com=spec.template (repeatable). DeploymentConfig,"
                            + " Argo Rollout and Knative Service are built in.")
                    .build()));
    return kinds;
  }

  /** The built-in table with the user's mappings added. */
  WorkloadKinds kinds() {
    return WorkloadKinds.builtIn().with(mappings());
  }

  /** The user's mappings alone, in the order given. */
  List<WorkloadKind> mappings() {
    List<WorkloadKind> parsed = new ArrayList<>();
    for (String mapping : mappings) {
      try {
        parsed.add(WorkloadKind.parse(mapping));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--workload-kind: " + e.getMessage());
      }
    }
    return parsed;
  }
}
