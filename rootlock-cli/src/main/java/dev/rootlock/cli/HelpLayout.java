package dev.rootlock.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help text that wraps only at spaces. picocli's layout breaks lines where {@link
 * java.text.BreakIterator} may, which is after '.' and '/' too: {@code Chart.} / {@code yaml},
 * {@code unix:} / {@code ///var/run/docker.sock}; a reader then copies half a token. This renders
 * the header, description, parameter, option and footer sections with the same columns as
 * picocli's, wrapping at blanks alone; a line that begins with a blank (an example) is printed as
 * written, never wrapped, so that it pastes.
 */
final class HelpLayout {

  /** Where option descriptions start, as in picocli's default layout. */
  static final int DESCRIPTION_COLUMN = 28;

  /** Continuation lines of a description are indented two more, as picocli does. */
  private static final int CONTINUATION = 2;

  private HelpLayout() {}

  /** Installs the layout on {@code commandLine} and every subcommand below it. */
  static void install(CommandLine commandLine) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER,
        help -> paragraphs(help.commandSpec().usageMessage().header(), width(help)));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        help -> paragraphs(help.commandSpec().usageMessage().description(), width(help)));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
        help -> paragraphs(help.commandSpec().usageMessage().footer(), width(help)));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameterList);
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::optionList);
    commandLine.setHelpSectionMap(sections);
    commandLine.setHelpFactory(SynopsisAtBlanks::new);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      install(sub);
    }
  }

  /**
   * picocli's help with its synopsis wrapped at blanks: picocli's own wraps where {@link
   * java.text.BreakIterator} may, so {@code [--policy-version=<version>]} can end a line at {@code
   * --policy-}. The continuation indent is picocli's: under the first option when the command name
   * is short, else under the command name.
   */
  static final class SynopsisAtBlanks extends Help {

    SynopsisAtBlanks(CommandSpec spec, Help.ColorScheme colours) {
      super(spec, colours);
    }

    @Override
    protected String insertSynopsisCommandName(int headingLength, Help.Ansi.Text details) {
      String name = commandSpec().qualifiedName();
      int width = commandSpec().usageMessage().width() - 1;
      int indent = headingLength + name.length() + 1;
      if (indent > commandSpec().usageMessage().synopsisAutoIndentThreshold() * width) {
        indent = headingLength;
      }
      String text = details.plainString();
      List<String> lines =
          wrap(name + (text.startsWith(" ") ? "" : " ") + text, width, headingLength, indent);
      StringBuilder out = new StringBuilder();
      lines.set(0, lines.get(0).substring(headingLength));
      lines.forEach(line -> out.append(line).append('\n'));
      return out.toString();
    }
  }

  /** picocli leaves the last column of its width free, so that no line touches the margin. */
  private static int width(Help help) {
    return help.commandSpec().usageMessage().width() - 1;
  }

  /** Header, description or footer lines: each wrapped at blanks, examples left as written. */
  static String paragraphs(String[] lines, int width) {
    StringBuilder out = new StringBuilder();
    for (String each : lines) {
      // picocli reads these as format strings: %n is a line break, %% a percent sign.
      for (String line : each.replace("%n", "\n").replace("%%", "%").split("\n", -1)) {
        if (line.isEmpty() || line.startsWith(" ")) {
          out.append(line).append('\n');
        } else {
          wrap(line, width, 0, 0).forEach(wrapped -> out.append(wrapped).append('\n'));
        }
      }
    }
    return out.toString();
  }

  private static String parameterList(Help help) {
    StringBuilder out = new StringBuilder();
    for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
      if (!parameter.hidden()) {
        entry(out, "      " + label(help, parameter), parameter, width(help));
      }
    }
    return out.toString();
  }

  private static String optionList(Help help) {
    StringBuilder out = new StringBuilder();
    CommandSpec spec = help.commandSpec();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        entry(out, names(option) + label(help, option), option, width(help));
      }
    }
    return out.toString();
  }

  /** {@code " -p, --profile"} or {@code " --config"}, as picocli aligns them. */
  private static String names(OptionSpec option) {
    List<String> shortNames = new ArrayList<>();
    List<String> longNames = new ArrayList<>();
    for (String name : option.names()) {
      (name.length() == 2 && name.startsWith("-") ? shortNames : longNames).add(name);
    }
    String shortPart = shortNames.isEmpty() ? "    " : String.join(", ", shortNames) + ", ";
    if (longNames.isEmpty()) {
      shortPart = String.join(", ", shortNames);
    }
    return "  " + shortPart + String.join(", ", longNames);
  }

  private static String label(Help help, ArgSpec arg) {
    return help.parameterLabelRenderer()
        .renderParameterLabel(arg, Help.Ansi.OFF, List.of())
        .plainString();
  }

  /** One option or parameter: its names, then its description in the description column. */
  private static void entry(StringBuilder out, String left, ArgSpec arg, int width) {
    List<String> description = new ArrayList<>();
    String[] paragraphs = arg.renderedDescription();
    for (int i = 0; i < paragraphs.length; i++) {
      int first = i == 0 ? DESCRIPTION_COLUMN : DESCRIPTION_COLUMN + CONTINUATION;
      description.addAll(wrap(paragraphs[i], width, first, DESCRIPTION_COLUMN + CONTINUATION));
    }
    if (description.isEmpty()) {
      out.append(left).append('\n');
      return;
    }
    if (left.length() + 1 > DESCRIPTION_COLUMN) {
      out.append(left).append('\n');
    } else {
      String first = description.remove(0);
      out.append(left).append(first.substring(left.length())).append('\n');
    }
    description.forEach(line -> out.append(line).append('\n'));
  }

  /**
   * {@code text} in lines of at most {@code width} columns, broken at blanks only: the first line
   * indented by {@code firstIndent}, the rest by {@code restIndent}. A word longer than a line gets
   * a line of its own rather than being cut.
   */
  static List<String> wrap(String text, int width, int firstIndent, int restIndent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(" ".repeat(firstIndent));
    int indent = firstIndent;
    for (String word : text.strip().split(" +", -1)) {
      if (word.isEmpty()) {
        continue;
      }
      boolean lineHasWord = line.length() > indent;
      if (lineHasWord && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        indent = restIndent;
        line = new StringBuilder(" ".repeat(restIndent));
        lineHasWord = false;
      }
      line.append(lineHasWord ? " " : "").append(word);
    }
    if (line.length() > indent || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
