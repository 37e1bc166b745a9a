package dev.rootlock.cli;

import dev.rootlock.docker.DockerEngine;
import dev.rootlock.docker.client.DockerJavaEngine;
import dev.rootlock.docker.prove.TrialProver;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ExemptionRules;
import dev.rootlock.engine.ProvenFix;
import dev.rootlock.model.Level;
import dev.rootlock.model.fix.Discovered;
import dev.rootlock.model.fix.FileResult;
import dev.rootlock.model.fix.FixReport;
import dev.rootlock.model.fix.FixRequest;
import dev.rootlock.model.fix.Proof;
import dev.rootlock.report.FixSummary;
import dev.rootlock.report.ProofLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock fix}: harden manifests and Compose files, touching nothing else in them. */
final class FixCommand implements Callable<Integer> {

  CommandSpec spec;

  Main main;

  /** {@code --write} and {@code --diff} exclude each other; the diff is the default. */
  static final class Mode {
    boolean write;

    boolean diff;
  }

  Mode mode = new Mode();

  boolean check;

  FixProfile profile;

  List<String> only = List.of();

  boolean prove;

  boolean discover;

  Duration proveFor;

  String tmpSize;

  Path pathsFrom;

  String user;

  WorkloadKindOptions workloadKinds;

  ConfigOptions config;

  boolean followSymlinks;

  List<String> paths = List.of();

  /** The model of {@code rootlock fix}; {@code main} holds what {@code -} reads. */
  static CommandSpec spec(Main main) {
    FixCommand fix = new FixCommand();
    fix.main = main;
    CommandSpec spec = Commands.create(fix, "fix");
    fix.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .descriptionHeading("%n")
        .header("Rewrite manifests and Compose files to comply, keeping every comment.")
        .description(
            "Adds what the checks ask for (readOnlyRootFilesystem, allowPrivilegeEscalation:"
                + " false, capabilities.drop [ALL], runAsNonRoot, seccomp RuntimeDefault;"
                + " read_only, cap_drop, no-new-privileges for Compose) and the writable paths the"
                + " app needs: a bounded in-memory /tmp plus the paths known images write (or"
                + " those found by 'rootlock docker discover', with --paths-from). Edits are made"
                + " in the original text: comments, order, quoting, indentation and line endings"
                + " stay as they were. Each result is re-parsed and re-checked before anything is"
                + " written; a file that fails that is left untouched. Without --write, prints a"
                + " unified diff and changes nothing; --check lists the files that need fixing,"
                + " for CI.")
        .footer(
            "",
            "Examples:",
            "  rootlock fix deploy/                  # show the diff",
            "  rootlock fix --write deploy/          # apply it",
            "  rootlock fix --check deploy/          # in CI: exit 1 if anything needs fixing",
            "  rootlock fix --only readOnlyRootFilesystem --write web.yaml",
            "  rootlock docker discover nginx:1.27 --paths-out paths.json",
            "  rootlock fix --paths-from paths.json --write k8s/nginx.yaml",
            "  rootlock fix --prove --write k8s/web.yaml  # and run it in Docker",
            "  rootlock fix --prove --discover --write compose.yaml",
            "  helm install web chart/ --post-renderer rootlock --post-renderer-args fix",
            "",
            "Without PATH, fix is a Helm post-renderer: it reads manifests on standard input,"
                + " writes the fixed ones to standard output and exits 0 (2 when they cannot be"
                + " read or fixed, with nothing on standard output).",
            "",
            "Notes said in several files are printed once, with the count and the first files;"
                + " the last line sums up the run on standard error. A Dockerfile found in a"
                + " directory is skipped with a note ('rootlock scan' reports on it).",
            "",
            "A check exempt by the nearest .rootlock.yaml (or --config) or by a"
                + " rootlock.dev/exempt annotation is left as written, with a note;"
                + " --no-exemptions fixes it anyway (see docs/config.md).",
            "",
            "Exit codes: 0 nothing to change, or --write wrote every change; 1 changes needed"
                + " (--check, --diff) or, with --prove, a container failed; 2 an error (other"
                + " files are still fixed).");
    spec.addArgGroup(
        ArgGroupSpec.builder()
            .exclusive(true)
            .multiplicity("0..1")
            .addArg(
                Flags.flag(given -> fix.mode.write = given, "--write")
                    .description("Rewrite the files in place (atomically).")
                    .build())
            .addArg(
                Flags.flag(given -> fix.mode.diff = given, "--diff")
                    .description("Print a unified diff and change nothing (default).")
                    .build())
            .build());
    spec.addOption(
        Flags.flag(given -> fix.check = given, "--check")
            .description(
                "Write nothing; list the files that need fixing and exit 1 if any do (0 if"
                    + " none), as gofmt -l and terraform fmt -check do. With --diff, print the"
                    + " diff instead and name each file on standard error.")
            .build());
    spec.addOption(
        Flags.profile(
                FixProfile.class,
                level -> fix.profile = level,
                "restricted or hardened: which checks to fix. Default: the config file's level,"
                    + " else hardened.")
            .build());
    spec.addOption(
        Flags.list(String.class, checks -> fix.only = checks, "--only")
            .paramLabel("<check>")
            .splitRegex(",")
            .description(
                "Fix only these checks (comma-separated); explicit values you set are changed"
                    + " only for checks named here.")
            .build());
    spec.addOption(
        Flags.flag(given -> fix.prove = given, "--prove")
            .description(
                "Run each fixed container (or Compose service) on the local Docker engine"
                    + " exactly as the fixed file says (never pulls; removes what it starts) and"
                    + " report it proven, failed (with what was refused) or not provable (why).")
            .build());
    spec.addOption(
        Flags.flag(given -> fix.discover = given, "--discover")
            .description(
                "With --prove: for each container that failed, find by trial the paths it"
                    + " writes, the capabilities and the user it needs, write them into the file"
                    + " (an emptyDir with a sizeLimit and a volumeMount; for Compose a sized"
                    + " tmpfs and cap_add) and prove the result again.")
            .build());
    spec.addOption(
        Flags.duration(duration -> fix.proveFor = duration, "--prove-for")
            .defaultValue("15s")
            .description(
                "Longest time a container is watched; a steady one is proven sooner."
                    + " Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.value(String.class, size -> fix.tmpSize = size, "--tmp-size")
            .paramLabel("<size>")
            .defaultValue(FixRequest.DEFAULT_TMP_SIZE)
            .description(
                "sizeLimit of the in-memory /tmp (Ki, Mi or Gi). Default: ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.file(file -> fix.pathsFrom = file, "--paths-from")
            .description("Writable paths found by 'rootlock docker discover --paths-out'.")
            .build());
    spec.addOption(
        Flags.value(String.class, user -> fix.user = user, "--user")
            .paramLabel("<uid[:gid]>")
            .description("The user Compose services should run as (left alone otherwise).")
            .build());
    fix.workloadKinds = WorkloadKindOptions.mixInto(spec);
    fix.config = ConfigOptions.mixInto(spec);
    spec.addOption(
        Flags.flag(given -> fix.followSymlinks = given, "--follow-symlinks")
            .description(
                "Fix a symlinked file at its target, and follow links out of a directory"
                    + " (both refused otherwise).")
            .build());
    spec.addPositional(
        Flags.parameters(paths -> fix.paths = paths, "PATH", "0..*")
            .description(
                "Files or directories; '-' reads standard input and prints the fixed text. None:"
                    + " act as a Helm post-renderer.")
            .build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() throws IOException {
    boolean postRenderer = paths.isEmpty() && !check;
    if (paths.isEmpty() && (mode.write || Terminal.isInteractive())) {
      throw new ParameterException(
          spec.commandLine(),
          "Missing PATH: name files or directories, or pipe manifests in ('-' or no PATH, as a"
              + " Helm post-renderer)");
    }
    List<String> inputs = paths.isEmpty() ? List.of("-") : paths;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (check && mode.write) {
      throw new ParameterException(
          spec.commandLine(), "--check and --write exclude each other: --check writes nothing");
    }
    if (discover && !prove) {
      throw new ParameterException(spec.commandLine(), "--discover needs --prove");
    }
    if (prove && inputs.contains("-")) {
      throw new ParameterException(
          spec.commandLine(), "--prove: standard input cannot be proven; give a file");
    }
    Engine engine = Engine.standard();
    // Every named path's config is read, and checked, before anything is fixed: a bad one is
    // exit 2 with nothing written.
    for (String input : inputs) {
      config.configFor(input.equals("-") ? null : Path.of(input), engine.checkIds());
    }
    ExemptionRules exemptions = config.rules(engine.checkIds());
    String first = inputs.get(0);
    FixRequest request =
        request(
            config.configFor(first.equals("-") ? null : Path.of(first), engine.checkIds()), err);
    List<Proof> proofs = List.of();
    if (prove) {
      try (DockerEngine docker = DockerJavaEngine.fromEnvironment();
          TrialProver prover = new TrialProver(docker, proveFor)) {
        ProvenFix proven =
            engine.prove(paths, request, followSymlinks, exemptions, prover, discover);
        for (Discovered discovered : proven.discovered()) {
          err.println("discover: " + ProofLines.line(discovered));
          if (!discovered.alternative().isEmpty()) {
            err.println("  note (not written into the manifest): " + discovered.alternative());
          }
        }
        request = proven.request();
        proofs = proven.proofs();
      }
    }
    FixReport report;
    int[] done = {0};
    try (SignalStop stop = SignalStop.install();
        Progress progress = Progress.onStandardError(err)) {
      report =
          engine.fix(
              inputs,
              request,
              mode.write,
              followSymlinks,
              main.stdin,
              exemptions,
              file -> {
                progress.clear();
                print(file, out, err);
                progress.update("fix: " + ++done[0] + " file(s) done, last " + file.file());
              },
              stop::requested);
      if (stop.requested()) {
        progress.clear();
        FixSummary.noteLines(report.files()).forEach(err::println);
        err.println("fix: stopped by a signal after " + report.files().size() + " file(s)");
        out.flush();
        err.flush();
        return report.exitCode();
      }
    }
    int exit = report.exitCode();
    FixSummary.noteLines(report.files()).forEach(err::println);
    if (prove) {
      for (Proof proof : proofs) {
        err.println("prove: " + ProofLines.line(proof));
        if (!proof.ran().isEmpty()) {
          err.println("  ran: " + proof.ran());
        }
      }
      exit = Math.max(exit, ProofLines.exitCode(proofs));
    }
    report
        .inputErrors()
        .forEach(
            error ->
                err.println(
                    error.position() == null
                        ? error.file() + ": error: " + error.message()
                        : error.file() + ":" + error.position() + ": error: " + error.message()));
    if (!inputs.equals(List.of("-"))) {
      err.println(FixSummary.summary(report));
    }
    out.flush();
    err.flush();
    if (postRenderer && exit == FixReport.CHANGED) {
      return FixReport.UNCHANGED; // Helm takes any other code as a failed render
    }
    return exit;
  }

  /**
   * One file's outcome, printed (and flushed) as soon as the file is done; its notes wait for the
   * end of the run, where notes that repeat across files are grouped.
   */
  private void print(FileResult file, PrintWriter out, PrintWriter err) {
    boolean changed = file.status() == FileResult.Status.CHANGED;
    if (check) {
      if (changed && mode.diff) {
        out.print(file.diff());
        err.println("would fix " + file.file());
      } else if (changed) {
        out.println(file.file());
      }
    } else if (file.file().equals("-") && file.fixed() != null && !mode.diff) {
      out.print(file.fixed());
    } else if (!mode.write) {
      out.print(file.diff());
    } else if (changed) {
      err.println("fixed " + file.file());
    }
    if (file.error() != null) {
      err.println(file.file() + ": error: " + file.error());
    }
    out.flush();
    err.flush();
  }

  private FixRequest request(dev.rootlock.engine.Configuration fileConfig, PrintWriter err)
      throws IOException {
    try {
      Level level = level(fileConfig, err);
      FixRequest request =
          FixRequest.defaults()
              .withProfile(level)
              .withOnly(new LinkedHashSet<>(only))
              .withTmpSize(tmpSize)
              .withUser(user)
              .withKinds(workloadKinds.kinds());
      Engine.requireFixable(only);
      if (pathsFrom != null) {
        request = request.withDiscovered(Engine.readDiscoveredPaths(pathsFrom));
      }
      return request;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * {@code --profile}, else the level of the config that governs the first path. Fix writes only
   * restricted and hardened settings, so a config's {@code level: baseline} (which fix has nothing
   * to write for) fixes restricted, and says so.
   */
  private Level level(dev.rootlock.engine.Configuration fileConfig, PrintWriter err) {
    if (profile != null) {
      return profile.level();
    }
    Level configured = fileConfig.level();
    if (configured == null || configured == Level.HARDENED || configured == Level.RESTRICTED) {
      return configured == null ? Level.HARDENED : configured;
    }
    err.println(
        "fix: the config's level is "
            + configured
            + "; fix writes restricted and hardened settings only, so it fixes restricted");
    return Level.RESTRICTED;
  }
}
