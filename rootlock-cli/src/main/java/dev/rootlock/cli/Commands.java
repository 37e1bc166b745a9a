package dev.rootlock.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What the model of every rootlock command shares: see {@link Flags} for why it is code. */
final class Commands {

  /** picocli's own name for the mixin of {@code -h} and {@code -V}, which it asks about. */
  private static final String STANDARD_HELP_MIXIN = "mixinStandardHelpOptions";

  private Commands() {}

  /** The model of the command {@code name}, whose {@code run} or {@code call} picocli invokes. */
  static CommandSpec create(Object command, String name) {
    return CommandSpec.wrapWithoutInspection(command).name(name);
  }

  /**
   * Adds {@code -h/--help} and {@code -V/--version} (rootlock's version), as picocli's {@code
   * mixinStandardHelpOptions} does: last, after the command's own options.
   */
  static CommandSpec withStandardHelp(CommandSpec spec) {
    spec.versionProvider(new VersionProvider());
    CommandSpec standardHelp =
        CommandSpec.create()
            .addOption(
                OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build())
            .addOption(
                OptionSpec.builder("-V", "--version")
                    .versionHelp(true)
                    .description("Print version information and exit.")
                    .build());
    return spec.addMixin(STANDARD_HELP_MIXIN, standardHelp);
  }

  /** Wraps {@code mixin}'s options to be added to a command with {@code addMixin}. */
  static CommandSpec mixin(Object mixin) {
    return CommandSpec.wrapWithoutInspection(mixin);
  }
}
