package dev.rootlock.cli;

import picocli.CommandLine.Command;

/** {@code rootlock policy}: rootlock's policy in other engines' formats. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Export rootlock's policy for other admission engines.",
    description =
        "Writes rootlock's checks in a form the Kubernetes API server enforces by itself, with no"
            + " webhook to run.",
    subcommands = {PolicyExportCommand.class})
final class PolicyCommand {}
