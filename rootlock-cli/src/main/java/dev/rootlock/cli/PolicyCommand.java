package dev.rootlock.cli;

import picocli.CommandLine.Model.CommandSpec;

/** {@code rootlock policy}: rootlock's policy in other engines' formats. */
final class PolicyCommand {

  /** The model of {@code rootlock policy} and its verbs. */
  static CommandSpec spec() {
    CommandSpec spec = Commands.create(new PolicyCommand(), "policy");
    spec.usageMessage()
        .header("Export rootlock's policy for other admission engines.")
        .description(
            "Writes rootlock's checks in a form the Kubernetes API server enforces by itself,"
                + " with no webhook to run.");
    spec.addSubcommand("export", PolicyExportCommand.spec());
    return Commands.withStandardHelp(spec);
  }
}
