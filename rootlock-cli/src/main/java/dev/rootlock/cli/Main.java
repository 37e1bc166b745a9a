package dev.rootlock.cli;

import dev.rootlock.model.ScanResult;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * The {@code rootlock} root command. {@link #run} is the testable entry point; {@link #main} only
 * exits with its code.
 */
public final class Main implements Runnable {

  /**
   * The verbs, in help order, each the model of its command (given the root, for {@code -}'s
   * input). Building a command's model costs start-up time; a run that names its verb builds only
   * that one.
   */
  static final Map<String, Function<Main, CommandSpec>> VERBS = new LinkedHashMap<>();

  static {
    VERBS.put("scan", ScanCommand::spec);
    VERBS.put("fix", FixCommand::spec);
    VERBS.put("kube", main -> KubeCommand.spec());
    VERBS.put("docker", main -> DockerCommand.spec());
    VERBS.put("webhook", main -> WebhookCommand.spec());
    VERBS.put("policy", main -> PolicyCommand.spec());
    VERBS.put("help", main -> HelpCommand.spec());
  }

  boolean debug;

  CommandSpec spec;

  /** What {@code -} reads; standard input unless a test says otherwise. */
  InputStream stdin = System.in;

  static {
    // picocli's DefaultFactory looks for Groovy's Closure class once, on every start unless told
    // not to: a class that is in no jar, so the lookup opens all 70 on the class path (~70 ms of
    // CPU). rootlock's commands are built in code, with no closures. A value given with -D is left
    // as it is.
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
    PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
    ProcessExit.exit(run(out, err, args));
  }

  /** Runs rootlock with the given streams and arguments; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(System.in, out, err, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, reading {@code -} from {@code in}. */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    Main main = new Main();
    main.stdin = in;
    CommandLine commandLine = new CommandLine(main.spec());
    String verb = firstVerb(args);
    if (VERBS.containsKey(verb) && !verb.equals("help")) {
      commandLine.addSubcommand(verb, VERBS.get(verb).apply(main));
    } else if (!onlyAsksForTheVersion(args)) {
      main.addEveryVerb(commandLine);
    }
    commandLine
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(new UnexpectedErrorHandler());
    CommandLine docker = commandLine.getSubcommands().get("docker");
    if (docker != null) {
      DockerCommand.configure(docker);
    }
    HelpLayout.install(commandLine);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (LinkageError | StackOverflowError | OutOfMemoryError e) {
      // picocli hands only Exceptions to the error handler; a broken installation or an
      // exhausted JVM must still end in one line and exit 2, not a bare stack trace.
      err.println("error: " + e);
      err.println(
          "(rootlock's installation may be incomplete; run again with --debug for details)");
      if (List.of(args).contains("--debug")) {
        e.printStackTrace(err);
      }
      code = ScanResult.ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The root command's model, without its verbs. */
  CommandSpec spec() {
    spec = Commands.create(this, "rootlock");
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Make container root filesystems read-only, and keep them that way.")
        .description(
            "",
            "Checks Kubernetes manifests, Compose files, Dockerfiles and docker run lines against"
                + " Pod Security Admission's baseline and restricted levels (message for message)"
                + " and rootlock's hardened level, which adds a read-only root filesystem and safe"
                + " writable mounts. Audits live clusters and Docker containers, verifies that a"
                + " container's protection holds, discovers the paths an image needs writable,"
                + " and serves an admission webhook.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock scan deploy/                        # hardened:latest, text report",
            "  rootlock scan -p restricted k8s.yaml         # exactly as PSA's restricted",
            "  kubectl get pods -A -o yaml | rootlock scan -",
            "  rootlock docker lint -- docker run -d nginx  # check a line, print it hardened",
            "  rootlock docker audit                        # every running container here",
            "  rootlock docker discover app:1.4             # the paths it writes, proven",
            "  rootlock docker verify --drill web           # is the read-only root active?",
            "",
            "Exit codes: 0 all objects pass, 1 some object violates (or a protection does not"
                + " hold), 2 usage error, unreadable input, or an unreachable cluster or Docker"
                + " engine.");
    spec.addOption(
        Flags.flag(given -> debug = given, "--debug")
            .scopeType(ScopeType.INHERIT)
            .description("Print stack traces for unexpected errors.")
            .build());
    return Commands.withStandardHelp(spec);
  }

  /** Adds every verb to {@code root}, this command's: for its help and {@code rootlock help}. */
  void addEveryVerb(CommandLine root) {
    VERBS.forEach((name, verb) -> root.addSubcommand(name, verb.apply(this)));
  }

  /**
   * {@code rootlock --version} alone: the root command prints it, and no verb's model is needed
   * (building all seven loads every verb's classes, a start-up cost a version check need not pay).
   */
  private static boolean onlyAsksForTheVersion(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /** The first argument that is not an option: the verb, if any. */
  private static String firstVerb(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  @Override
  public void run() {
    // `rootlock` alone: show what it can do, and fail like a usage error so scripts notice.
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
  }
}
