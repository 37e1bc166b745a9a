package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Every command's {@code --help}, as a user gets it: within 80 columns, no word of its text split
 * across lines (picocli's own layout cuts {@code Chart.yaml} after the dot), and every example line
 * exactly as written, so that it pastes.
 */
class HelpLayoutTest {

  /** Every command path below {@code rootlock}, the root included. */
  static Stream<List<String>> commands() {
    Main main = new Main();
    CommandLine root = new CommandLine(main.spec());
    main.addEveryVerb(root);
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) { // skip aliases
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, paths);
              }
            });
  }

  private static CommandLine.Model.CommandSpec spec(List<String> path) {
    return commandLine(path).getCommandSpec();
  }

  private static CommandLine commandLine(List<String> path) {
    Main main = new Main();
    CommandLine command = new CommandLine(main.spec());
    main.addEveryVerb(command);
    CommandLine docker = command.getSubcommands().get("docker");
    DockerCommand.configure(docker);
    for (String word : path) {
      command = command.getSubcommands().get(word);
    }
    return command;
  }

  private static String help(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as("exit code of %s", args).isZero();
    return run.out();
  }

  @Test
  void theWalkFindsEveryVerb() {
    assertThat(commands().map(path -> String.join(" ", path)))
        .contains(
            "",
            "scan",
            "fix",
            "kube audit",
            "kube readiness",
            "docker lint",
            "docker audit",
            "docker discover",
            "docker verify",
            "webhook serve",
            "policy export",
            "help");
  }

  @ParameterizedTest(name = "rootlock {0} --help")
  @MethodSource("commands")
  void fitsEightyColumns(List<String> path) {
    assertThat(help(path).lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @ParameterizedTest(name = "rootlock {0} --help")
  @MethodSource("commands")
  void splitsNoWord(List<String> path) {
    if (path.contains("help")) {
      return; // 'help --help' shows its parent's help, whose words the parent's run checks
    }
    Set<String> shown = new HashSet<>(Arrays.asList(help(path).split("\\s+")));
    UsageMessageSpec usage = spec(path).usageMessage();
    List<String> source = new ArrayList<>();
    source.addAll(List.of(usage.header()));
    source.addAll(List.of(usage.description()));
    source.addAll(List.of(usage.footer()));
    for (ArgSpec arg : spec(path).args()) {
      if (!arg.hidden()) {
        source.addAll(List.of(arg.description()));
      }
    }
    for (String text : source) {
      for (String word : text.replace("%n", " ").replace("%%", "%").split("\\s+", -1)) {
        if (!word.isEmpty()) {
          assertThat(shown).as("a word of rootlock %s --help", path).contains(word);
        }
      }
    }
  }

  @ParameterizedTest(name = "rootlock {0} --help")
  @MethodSource("commands")
  void printsEachExampleAsWritten(List<String> path) {
    if (path.contains("help")) {
      return; // 'help --help' shows its parent's help, whose examples the parent's run checks
    }
    List<String> lines = help(path).lines().toList();
    UsageMessageSpec usage = spec(path).usageMessage();
    for (String text :
        Stream.concat(Stream.of(usage.description()), Stream.of(usage.footer())).toList()) {
      if (text.startsWith("  ")) {
        assertThat(lines).as("an example of rootlock %s --help", path).contains(text);
      }
    }
  }

  /**
   * The synopsis and every option's names and label, rendered without a width limit, each token
   * whole in the help as printed: picocli's synopsis wrapping may cut {@code
   * [--workload-kind=<KIND.group=template.path>]} in two.
   */
  @ParameterizedTest(name = "rootlock {0} --help")
  @MethodSource("commands")
  void splitsNoTokenOfTheSynopsisOrAnOptionsName(List<String> path) {
    if (path.contains("help")) {
      return; // 'help --help' shows its parent's help, whose tokens the parent's run checks
    }
    Set<String> shown = new HashSet<>(Arrays.asList(help(path).split("\\s+")));
    CommandLine command = commandLine(path);
    command.setUsageHelpAutoWidth(false);
    command.setUsageHelpWidth(10_000);
    CommandLine.Help unwrapped = command.getHelp();
    List<String> tokens = new ArrayList<>();
    tokens.addAll(List.of(unwrapped.synopsis(0).strip().split("\\s+")));
    for (String line : unwrapped.optionList().lines().toList()) {
      // the names and label: what comes before the description, two blanks or more away
      if (!line.startsWith("          ")) {
        tokens.addAll(List.of(line.strip().split("\\s{2,}", 0)[0].split("\\s+", 0)));
      }
    }
    for (String token : tokens) {
      if (!token.isEmpty()) {
        assertThat(shown).as("a token of rootlock %s --help", path).contains(token);
      }
    }
  }

  /**
   * Examples paste: each is indented, and a command continued on the next line ends its line with "
   * \\", so that a shell reads the lines as one.
   */
  @ParameterizedTest(name = "rootlock {0} --help")
  @MethodSource("commands")
  void examplesAreIndentedAndContinuedWithABackslash(List<String> path) {
    List<String> lines = help(path).lines().toList();
    int start = lines.indexOf("Examples:");
    if (start < 0) {
      return;
    }
    String previous = "";
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isEmpty()) {
        break;
      }
      assertThat(line).as("an example of rootlock %s --help", path).startsWith("  ");
      boolean continuation = line.startsWith("   ");
      if (continuation) {
        assertThat(previous).as("the line before a continued example").endsWith(" \\");
      }
      if (previous.endsWith(" \\")) {
        assertThat(line).as("the line after a ' \\'").startsWith("    ");
      }
      previous = line;
    }
  }

  @Test
  void wrapsAtBlanksOnly() {
    assertThat(
            HelpLayout.wrap("set DOCKER_HOST=unix:///var/run/docker.sock or Chart.yaml", 20, 0, 2))
        .containsExactly("set", "  DOCKER_HOST=unix:///var/run/docker.sock", "  or Chart.yaml");
  }
}
