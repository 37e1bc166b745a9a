package dev.rootlock.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rootlock help [VERB [SUBVERB]]}. picocli's own help command looks at its first word only,
 * so {@code rootlock help docker lint} showed the help for {@code docker}; this one follows the
 * whole path, as {@code kubectl help} and {@code git help} users expect.
 */
@Command(
    name = "help",
    helpCommand = true,
    usageHelpAutoWidth = true,
    header = "Show the help for a command: rootlock help docker lint",
    description = {"", "With no command, shows rootlock's own help.", ""})
final class HelpCommand implements IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, word by word.")
  List<String> path = new ArrayList<>();

  @Spec CommandLine.Model.CommandSpec spec;

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
