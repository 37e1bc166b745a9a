package dev.rootlock.cli;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.discover.DiscoverRequest;
import dev.rootlock.docker.discover.Discovery;
import dev.rootlock.docker.discover.DiscoveryJson;
import dev.rootlock.docker.discover.DiscoveryOutput;
import dev.rootlock.docker.discover.DiscoveryReport;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.InvalidInputException;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.text.ShellWords;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock docker discover}: find the paths an image writes, and prove them read-only. */
final class DockerDiscoverCommand implements Callable<Integer> {

  CommandSpec spec;

  String image;

  String cmd;

  List<String> env = new ArrayList<>();

  String user;

  String exercise;

  Duration duration;

  int maxTrials;

  String network;

  Path pathsOut;

  TableOrJsonOutput output;

  /** The model of {@code rootlock docker discover}. */
  static CommandSpec spec() {
    DockerDiscoverCommand discover = new DockerDiscoverCommand();
    CommandSpec spec = Commands.create(discover, "discover");
    discover.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Find the paths an image needs writable, and prove them with a read-only run.")
        .description(
            "",
            "1. Reads the image config: VOLUME (writable even under --read-only in Docker, not in"
                + " Kubernetes), WorkingDir, User, TMPDIR, HOME.",
            "2. Runs the image with a writable root and the engine's default capabilities (network"
                + " none unless --network says otherwise, never privileged), runs --exercise inside"
                + " it, and reads docker diff, the files it holds open for writing, its processes'"
                + " users and its listening ports. This run is evidence, not proof.",
            "3. Runs it fully hardened, exactly as it will be printed: --read-only, a tmpfs per"
                + " path found, --cap-drop ALL plus the capabilities a root-started image showed it"
                + " uses (CHOWN, SETUID, SETGID, ...), no-new-privileges, the default seccomp"
                + " profile and the user (-u). Refused writes add paths, refused operations add"
                + " capabilities; up to --max-trials runs.",
            "4. For a root-started image, also tries a non-root alternative: the user its workers"
                + " ran as (else 65534), each tmpfs owned by it, no capabilities.",
            "5. Proposes a memory tmpfs, disk or a volume per path, and refuses /etc, PATH"
                + " directories, /usr, /lib* and the application's own code, saying what to"
                + " reconfigure instead.",
            "",
            "Prints, for each hardening, the docker run line and the Compose file its trial ran"
                + " (exactly), a Kubernetes patch translated from it (user as"
                + " runAsUser/runAsGroup), the trial that proved it or why none did, and what could"
                + " not be proved. The image must be present locally: rootlock never pulls. Every"
                + " container it creates is removed, also on errors and Ctrl-C.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock docker discover rootlock-test/nginx",
            "  rootlock docker discover --exercise 'wget -qO- localhost' --duration 20s web:2",
            "  rootlock docker discover -u 10001 --cmd \"python -m app --port 8000\" api:3",
            "  rootlock docker discover --paths-out paths.json app:1.4",
            "  rootlock docker discover -o discover.txt rootlock-test/nginx",
            "",
            "Exit codes: 0 a read-only run with the proposed paths was proven to work, 1 none was,"
                + " 2 usage error, no usable Docker engine, an image that is not present locally,"
                + " or an image that fails even with a writable root.");
    spec.addPositional(
        Flags.parameter(value -> discover.image = value, "IMAGE")
            .description("A local image (never pulled).")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> discover.cmd = value, "--cmd")
            .paramLabel("<command>")
            .description(
                "Command to run instead of the image's CMD, as one shell-quoted string: --cmd"
                    + " \"nginx -g 'daemon off;'\". No shell runs it; quotes only group words.")
            .build());
    spec.addOption(
        Flags.list(String.class, values -> discover.env = values, "-e", "--env")
            .paramLabel("<KEY=VALUE>")
            .description("Set an environment variable in every run; repeatable.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> discover.user = value, "-u", "--user")
            .paramLabel("<user>")
            .description("Run as this user (name, uid or uid:gid) instead of the image's User.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> discover.exercise = value, "--exercise")
            .paramLabel("<shell command>")
            .description(
                "Run this with sh -c inside the writable run once it is up, to reach the code paths"
                    + " that write (a request, a login, a job). Needs a shell in the image.")
            .build());
    spec.addOption(
        Flags.duration(duration -> discover.duration = duration, "--duration")
            .defaultValue("10s")
            .description("How long to watch each run (20s, 1m30s). Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.value(int.class, value -> discover.maxTrials = value, "--max-trials")
            .paramLabel("<n>")
            .defaultValue("5")
            .description("Read-only runs to try at most. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> discover.network = value, "--network")
            .paramLabel("<network>")
            .defaultValue("none")
            .description(
                "Network for the runs, as docker run --network. Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.file(file -> discover.pathsOut = file, "--paths-out")
            .description(
                "Also write the result as JSON to <file>, the input of rootlock fix --paths-from"
                    + " (docs/discover-output.md).")
            .build());
    discover.output = TableOrJsonOutput.mixInto(spec);
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    TableFormat format = output.format(); // settle -o <format> before any trial runs
    DiscoverRequest request = request();
    DiscoveryReport report;
    try (DockerEngine docker = DockerJavaEngine.fromEnvironment()) {
      Progress progress = Progress.onStandardError(spec.commandLine().getErr());
      report =
          progress.whileRunning(
              "discover: reading " + image,
              () -> new Discovery(docker).discover(request, new DiscoveryProgressLine(progress)));
    }
    String paths = DiscoveryJson.write(report);
    if (pathsOut != null) {
      AtomicFiles.writeText(pathsOut, paths);
    }
    output.writeText(
        format == TableFormat.json
            ? paths
            : DiscoveryOutput.text(report, format == TableFormat.wide)
                + lint(report, format == TableFormat.wide));
    return report.proven() ? 0 : 1;
  }

  /**
   * Lints each printed line at hardened:latest, so that a finding that remains (a capability the
   * image needs, a root user) is named next to the proof that it is needed.
   */
  private static String lint(DiscoveryReport report, boolean wide) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    Engine engine = Engine.standard();
    LevelVersion level = LevelVersion.parse("hardened:latest");
    out.println();
    out.println("Lint of each printed docker run line (" + level + "):");
    for (DiscoveryReport.Hardening h : report.hardenings()) {
      ObjectResult verdict;
      try {
        verdict = engine.evaluateRunLine(h.spec().dockerRunArgs(), DockerLintCommand.SOURCE, level);
      } catch (InvalidInputException e) {
        // rootlock rendered this line itself, so the parser accepting it is a rootlock bug
        throw new IllegalStateException("cannot lint the printed line: " + e.getMessage(), e);
      }
      List<String> findings =
          verdict.findings().stream().map(f -> f.check() + ": " + f.detail()).distinct().toList();
      println(
          out,
          "  "
              + h.label()
              + ": "
              + (findings.isEmpty()
                  ? "clean"
                  : findings.size()
                      + " finding(s) remain"
                      + (h.proven()
                          ? ", and trial "
                              + h.provenByTrial()
                              + " proved the line needs them as they are"
                          : "")),
          wide);
      findings.forEach(f -> println(out, "    - " + f, wide));
    }
    out.flush();
    return text.toString();
  }

  /** A line of prose: whole when wide, else wrapped at blanks to 80 columns. */
  private static void println(PrintWriter out, String line, boolean wide) {
    if (wide) {
      out.println(line);
      return;
    }
    int indent = line.length() - line.stripLeading().length();
    HelpLayout.wrap(line, 80, indent, indent + 2).forEach(out::println);
  }

  private DiscoverRequest request() {
    List<String> command;
    try {
      command = cmd == null ? List.of() : ShellWords.split(cmd);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--cmd: " + e.getMessage());
    }
    for (String variable : env) {
      if (variable.indexOf('=') <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--env: expected KEY=VALUE, got \"" + variable + "\"");
      }
    }
    try {
      return new DiscoverRequest(image, command, env, user, exercise, duration, maxTrials, network);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
