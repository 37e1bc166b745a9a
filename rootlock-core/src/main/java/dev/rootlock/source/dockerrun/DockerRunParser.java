package dev.rootlock.source.dockerrun;

import dev.rootlock.model.docker.GoBooleans;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a {@code docker run} command line the way the Docker CLI (pflag) does: flags come before
 * the IMAGE and everything after it is the container's command; {@code --flag=value} and {@code
 * --flag value}; short flags combined ({@code -itd}) and with attached values ({@code -uroot},
 * {@code -u=root}); switches take a value only as {@code --read-only=false}; {@code --} ends the
 * flags. A value-taking flag consumes the next argument whatever it looks like, as pflag does.
 *
 * <p>The leading {@code docker run}, {@code docker container run} (or {@code create}), with any
 * global {@code docker} options before the subcommand, is optional. Flags the CLI does not define
 * are kept, assumed to take no value unless written {@code --flag=value}, and reported as warnings,
 * never as errors.
 */
public final class DockerRunParser {

  private static final Set<String> SUBCOMMANDS = Set.of("run", "create");

  /** Global {@code docker} options that take a value. */
  private static final Set<String> GLOBAL_VALUE_OPTIONS =
      Set.of(
          "-H",
          "--host",
          "-c",
          "--context",
          "--config",
          "-l",
          "--log-level",
          "--tlscacert",
          "--tlscert",
          "--tlskey");

  private DockerRunParser() {}

  /** Parses {@code args}, e.g. {@code [docker, run, --read-only, nginx]} or {@code [-d, nginx]}. */
  public static DockerRunCommand parse(List<String> args) throws DockerRunException {
    List<String> copy = List.copyOf(args);
    int prefixLength = prefixLength(copy);
    List<RunOption> options = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int i = prefixLength;
    int doubleDash = -1;
    while (i < copy.size()) {
      String arg = copy.get(i);
      if (arg.equals("--")) {
        doubleDash = i++;
        break;
      } else if (arg.startsWith("--")) {
        i = parseLong(copy, i, options, warnings);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        i = parseShorts(copy, i, options, warnings);
      } else {
        break;
      }
    }
    if (i >= copy.size()) {
      throw new DockerRunException("\"docker run\" requires an IMAGE argument", copy.size());
    }
    RunConfigReader.Result read = RunConfigReader.read(copy, options, i);
    return new DockerRunCommand(
        copy,
        prefixLength,
        options,
        doubleDash,
        i,
        read.config(),
        read.problems(),
        warnings,
        read.positions());
  }

  /**
   * How many leading arguments are {@code docker [global options] [container] run}; refuses a line
   * that starts with {@code docker} (or {@code container}) but is another subcommand.
   */
  static int prefixLength(List<String> args) throws DockerRunException {
    if (args.isEmpty()) {
      return 0;
    }
    boolean docker = args.get(0).equals("docker") || args.get(0).endsWith("/docker");
    int i = 0;
    if (docker) {
      i = 1;
      while (i < args.size() && args.get(i).startsWith("-")) {
        i += GLOBAL_VALUE_OPTIONS.contains(args.get(i)) ? 2 : 1;
      }
    }
    int start = i;
    if (i < args.size() && args.get(i).equals("container")) {
      i++;
    }
    if (i < args.size() && SUBCOMMANDS.contains(args.get(i))) {
      return i + 1;
    }
    if (docker || i > start) {
      int end = Math.min(i + 1, args.size());
      throw new DockerRunException(
          "not a docker run command: " + String.join(" ", args.subList(0, end)), Math.min(i, end));
    }
    return 0;
  }

  private static int parseLong(
      List<String> args, int i, List<RunOption> options, List<String> warnings)
      throws DockerRunException {
    String arg = args.get(i);
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
    String written = "--" + name;
    String inline = equals < 0 ? null : arg.substring(equals + 1);
    RunFlag flag = RunFlags.byName(name);
    if (flag == null) {
      warnings.add("unknown flag " + written + " kept as given");
      options.add(new RunOption(name, written, inline, i, -1, false, false));
      return i + 1;
    }
    if (!flag.takesValue()) {
      if (inline != null) {
        checkBoolean(inline, written, i);
      }
      options.add(new RunOption(name, written, inline, i, -1, true, false));
      return i + 1;
    }
    if (inline != null) {
      options.add(new RunOption(name, written, inline, i, -1, true, false));
      return i + 1;
    }
    if (i + 1 >= args.size()) {
      throw new DockerRunException("flag needs an argument: " + written, i);
    }
    options.add(new RunOption(name, written, args.get(i + 1), i, i + 1, true, false));
    return i + 2;
  }

  private static int parseShorts(
      List<String> args, int i, List<RunOption> options, List<String> warnings)
      throws DockerRunException {
    String shorts = args.get(i).substring(1);
    List<RunOption> parsed = new ArrayList<>();
    int next = i + 1;
    for (int at = 0; at < shorts.length(); at++) {
      char c = shorts.charAt(at);
      String written = "-" + c;
      String rest = shorts.substring(at + 1);
      RunFlag flag = RunFlags.byShorthand(c);
      if (flag == null) {
        String unknown = shorts.substring(at);
        warnings.add("unknown flag -" + unknown + " kept as given");
        parsed.add(new RunOption(unknown, "-" + unknown, null, i, -1, false, false));
        break;
      }
      if (!flag.takesValue()) {
        if (rest.startsWith("=")) {
          checkBoolean(rest.substring(1), written, i);
          parsed.add(new RunOption(flag.name(), written, rest.substring(1), i, -1, true, false));
          break;
        }
        parsed.add(new RunOption(flag.name(), written, null, i, -1, true, false));
        continue;
      }
      if (!rest.isEmpty()) {
        // pflag: "-u=root" and "-uroot" both give "root"; a lone "-u=" gives "=".
        String value = rest.startsWith("=") && rest.length() > 1 ? rest.substring(1) : rest;
        parsed.add(new RunOption(flag.name(), written, value, i, -1, true, false));
        break;
      }
      if (next >= args.size()) {
        throw new DockerRunException("flag needs an argument: '" + c + "' in -" + shorts, i);
      }
      parsed.add(new RunOption(flag.name(), written, args.get(next), i, next, true, false));
      next++;
      break;
    }
    boolean grouped = parsed.size() > 1;
    for (RunOption option : parsed) {
      options.add(
          new RunOption(
              option.name(),
              option.written(),
              option.value(),
              option.argIndex(),
              option.valueIndex(),
              option.known(),
              grouped));
    }
    return next;
  }

  private static void checkBoolean(String value, String written, int i) throws DockerRunException {
    if (GoBooleans.parse(value) == null) {
      throw new DockerRunException(
          "invalid argument \"" + value + "\" for \"" + written + "\" flag: not a boolean", i);
    }
  }
}
