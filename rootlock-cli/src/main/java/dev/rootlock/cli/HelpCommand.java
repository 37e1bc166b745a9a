package dev.rootlock.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code rootlock help [VERB [SUBVERB]]}. picocli's own help command looks at its first word only,
 * so {@code rootlock help docker lint} showed the help for {@code docker}; this one follows the
 * whole path, as {@code kubectl help} and {@code git help} users expect.
 */
final class HelpCommand implements IHelpCommandInitializable2, Runnable {

  List<String> path = new ArrayList<>();

  CommandSpec spec;

  /**
   * The model of {@code help}, marked picocli's help command: its parent's required options wait.
   */
  static CommandSpec spec() {
    HelpCommand help = new HelpCommand();
    CommandSpec spec = Commands.create(help, "help").helpCommand(true);
    help.spec = spec;
    spec.usageMessage()
        .autoWidth(true)
        .header("Show the help for a command: rootlock help docker lint")
        .description("", "With no command, shows rootlock's own help.", "");
    spec.addPositional(
        Flags.parameters(words -> help.path = words, "COMMAND", "0..*")
            .description("The command, word by word.")
            .build());
    return spec;
  }

  private CommandLine parent;
  private PrintWriter out;
  private Help.ColorScheme colors;

  @Override
  public void init(
      CommandLine helpCommandLine,
      Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.parent = helpCommandLine.getParent();
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = parent;
    for (String word : path) {
      CommandLine next = target.getSubcommands().get(word);
      if (next == null) {
        throw new ParameterException(
            spec.commandLine(),
            "Unknown command: '"
                + String.join(" ", path)
                + "' (no '"
                + word
                + "' in '"
                + target.getCommandSpec().qualifiedName()
                + "')");
      }
      target = next;
    }
    target.usage(out, colors);
  }
}
