package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.engine.InvalidInputException;
import dev.rootlock.engine.RunLint;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.docker.ByteSize;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.report.ReportFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock docker lint}: check a {@code docker run} line and print its hardened twin. */
final class DockerLintCommand implements Callable<Integer>, UsageHint {

  /** The pseudo-file name findings point into: the arguments joined by single spaces. */
  static final String SOURCE = "<command line>";

  CommandSpec spec;

  PolicyOptions policy;

  OutputOptions output;

  String user;

  String tmpSize;

  boolean prove;

  Duration duration;

  List<String> args;

  /** The model of {@code rootlock docker lint}. */
  static CommandSpec spec() {
    DockerLintCommand lint = new DockerLintCommand();
    CommandSpec spec = Commands.create(lint, "lint");
    lint.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Check a docker run command line and print its hardened equivalent.")
        .customSynopsis("rootlock docker lint [OPTIONS] -- [docker run] [FLAGS] IMAGE [COMMAND...]")
        .description(
            "",
            "Reads the flags the way the Docker CLI does (--read-only, --tmpfs, --mount, -v,"
                + " --cap-drop, --cap-add, --security-opt, -u, --privileged,"
                + " --network/--pid/--ipc/--uts/--userns host, --device, ...) and reports the same"
                + " checks as for Compose files. Then prints the same line with --read-only, a"
                + " bounded noexec,nosuid tmpfs on /tmp, --cap-drop ALL, --security-opt"
                + " no-new-privileges and a non-root --user added where missing, every other flag"
                + " kept as given (text format only). Unknown flags are kept and reported as"
                + " warnings. Nothing is run unless --prove is given.",
            "",
            "The hardened line drops --privileged, --cap-add ALL and host namespaces (--network,"
                + " --pid, --ipc, --uts, --userns host) and says so in a note under it; without"
                + " --user, a known image gets its own user (postgres 999:999, 70:70 on alpine"
                + " tags).",
            "",
            "With --prove, the hardened line is run once on the local Docker engine through the"
                + " same trial engine as docker discover (the image must be local: rootlock never"
                + " pulls), and proven only if it stays up with no refused write or operation.",
            "",
            "Put the command line after '--' so that its flags are not taken for rootlock's. The"
                + " leading 'docker run' (or 'docker container run') is optional.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock docker lint -- docker run -d --name web -p 8080:80 nginx",
            "  rootlock docker lint -p restricted -- --cap-add SYS_ADMIN -v /:/host alpine sh",
            "  rootlock docker lint --user 10001:10001 --tmp-size 16m -- docker run app:1.4",
            "  rootlock docker lint -f sarif -o lint.sarif -- docker run --read-only app:1.4",
            "  rootlock docker lint --prove -- docker run --network none rootlock-test/nginx",
            "",
            "Exit codes: 0 the line passes (and, with --prove, its hardened line was proven), 1 it"
                + " violates the policy or the proof failed, 2 usage error, a line Docker would"
                + " refuse (a flag without its value, a malformed --mount, ...) or, with --prove,"
                + " no engine or an image that is not local.");
    lint.policy = PolicyOptions.mixInto(spec);
    lint.output = OutputOptions.mixInto(spec);
    spec.addOption(
        Flags.value(String.class, value -> lint.user = value, "--user")
            .paramLabel("<user>")
            .defaultValue(RunLint.DEFAULT_USER)
            .description(
                "Non-root user for the hardened line when the command has none (uid, uid:gid or"
                    + " name). Default: ${DEFAULT-VALUE} (nobody).")
            .build());
    spec.addOption(
        Flags.value(String.class, value -> lint.tmpSize = value, "--tmp-size")
            .paramLabel("<size>")
            .defaultValue(RunLint.DEFAULT_TMPFS_SIZE)
            .description(
                "Size for the hardened line's new or unbounded tmpfs mounts. Default:"
                    + " ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.flag(given -> lint.prove = given, "--prove")
            .description(
                "Run the hardened line on the local Docker engine and say whether it stays up"
                    + " (text format only).")
            .build());
    spec.addOption(
        Flags.duration(duration -> lint.duration = duration, "--duration")
            .defaultValue("10s")
            .description(
                "With --prove: the longest to watch the run (20s, 1m). Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addPositional(
        Flags.parameters(values -> lint.args = values, "ARG", "1..*")
            .description("The docker run command line: [docker run] [FLAGS] IMAGE [COMMAND...].")
            .build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    ReportFormat format = output.reportFormat();
    LevelVersion level = policy.levelVersion();
    checkHardeningOptions();
    Engine engine = Engine.standard();
    RunLint lint;
    try {
      lint =
          engine.lint(
              args,
              SOURCE,
              level,
              user,
              spec.commandLine().getParseResult().hasMatchedOption("--user"),
              tmpSize);
    } catch (InvalidInputException e) {
      throw new UserException(e.getMessage(), e);
    }
    if (lint.problem() != null) {
      // The daemon would refuse the whole line, so there is nothing to judge or harden.
      throw new UserException(lint.problem());
    }
    PrintWriter err = spec.commandLine().getErr();
    lint.warnings().forEach(warning -> err.println("warning: " + warning));
    err.flush();
    ScanResult result = lint.result(level.toString());
    output.write(result, engine);
    if (format != ReportFormat.TEXT) {
      return result.exitCode();
    }
    printHardened(lint);
    if (!prove) {
      return result.exitCode();
    }
    boolean original = lint.hardenedArgs() == null;
    boolean proven =
        new LintProof(spec.commandLine().getOut(), duration)
            .prove(original ? lint.args() : lint.hardenedArgs(), original);
    return Math.max(result.exitCode(), proven ? 0 : 1);
  }

  @Override
  public String usageHint() {
    return "Put the docker run line after '--': rootlock docker lint [OPTIONS] -- docker run ...";
  }

  private void checkHardeningOptions() {
    if (user.isBlank() || ContainerConfig.isRootUser(user)) {
      throw new ParameterException(
          spec.commandLine(),
          "--user: the hardened line needs a non-root user, got \"" + user + "\"");
    }
    if (ByteSize.parseMountOption(tmpSize).isEmpty() || ByteSize.isZero(tmpSize)) {
      throw new ParameterException(
          spec.commandLine(),
          "--tmp-size: invalid size \""
              + tmpSize
              + "\": write a non-zero size such as 64m or 65536k");
    }
  }

  /** Prints the hardened line and its notes, if the line needs anything added. */
  private void printHardened(RunLint lint) {
    boolean userGiven = spec.commandLine().getParseResult().hasMatchedOption("--user");
    String hardenedUser = lint.hardenedUser();
    String line = lint.hardenedLine();
    if (line == null) {
      return; // nothing to add: the findings, if any, name what only the user can decide
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println();
    out.println("Hardened equivalent:");
    out.println("  " + line);
    if (!userGiven && !hardenedUser.equals(user)) {
      out.println(
          "  note: --user "
              + hardenedUser
              + " is "
              + lint.image()
              + "'s own user"
              + " (rootlock's image knowledge base), so its data directories stay writable");
    }
    lint.hardenedNotes().forEach(note -> out.println("  note: " + note));
    out.flush();
  }
}
