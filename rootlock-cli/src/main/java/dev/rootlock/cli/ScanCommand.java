package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.engine.InputType;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.model.ScanResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code rootlock scan}: evaluate files against a policy level and report. */
final class ScanCommand implements Callable<Integer> {

  CommandSpec spec;

  Main main;

  PolicyOptions policy;

  OutputOptions output;

  ConfigOptions config;

  java.nio.file.Path baseline;

  java.nio.file.Path writeBaseline;

  InputType inputType;

  WorkloadKindOptions workloadKinds;

  List<java.nio.file.Path> valuesFiles = List.of();

  List<String> sets = List.of();

  String releaseName;

  List<String> composeFiles = List.of();

  String envFile;

  boolean allowEmpty;

  boolean followSymlinks;

  List<String> paths = List.of();

  /** The model of {@code rootlock scan}; {@code main} holds what {@code -} reads. */
  static CommandSpec spec(Main main) {
    ScanCommand scan = new ScanCommand();
    scan.main = main;
    CommandSpec spec = Commands.create(scan, "scan");
    scan.spec = spec;
    spec.usageMessage()
        .sortOptions(false)
        .autoWidth(true)
        .header("Check Kubernetes manifests, Compose files and Dockerfiles against a policy level.")
        .description(
            "",
            "Reads YAML and JSON manifests, Compose files and Dockerfiles (directories"
                + " recursively, '-' for standard input), evaluates every object that carries a"
                + " pod template (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,"
                + " ReplicationController, Job, CronJob, PodTemplate, and the items of List"
                + " kinds), every Compose service and every Dockerfile's final stage, and reports"
                + " each violation at the file, line and column of its field. A directory with a"
                + " Chart.yaml is rendered with Helm first; findings name the template (Helm's '#"
                + " Source:' line) and the line in the rendered document.",
            "")
        .footer(
            "",
            "Examples:",
            "  rootlock scan examples/",
            "  rootlock scan -p restricted --policy-version v1.25 deploy.yaml",
            "  kubectl get pods -n shop -o yaml | rootlock scan -",
            "  rootlock scan -f sarif -o rootlock.sarif manifests/",
            "  rootlock scan --values prod.yaml --set image.tag=1.2 chart/",
            "  rootlock scan --compose-file compose.yaml --compose-file prod.yaml",
            "  rootlock scan --write-baseline .rootlock-baseline.json .",
            "  rootlock scan --baseline .rootlock-baseline.json .",
            "",
            "Exemptions, defaults and a baseline can live in a .rootlock.yaml (the nearest one"
                + " above each scanned path); see docs/config.md. Exempt findings are shown, with"
                + " their reason, and do not fail the run.",
            "",
            "Exit codes: 0 every object passes, 1 some object violates, 2 usage error or"
                + " unreadable input (the other inputs are still scanned and reported), or no"
                + " object evaluated (see --allow-empty).");
    scan.policy = PolicyOptions.mixInto(spec);
    scan.output = OutputOptions.mixInto(spec);
    scan.config = ConfigOptions.mixInto(spec);
    spec.addOption(
        Flags.file(file -> scan.baseline = file, "--baseline")
            .description(
                "Fail only on findings that are not in <file> (written by --write-baseline);"
                    + " list the entries no finding matches any more as stale. Default: the"
                    + " config's baseline.")
            .build());
    spec.addOption(
        Flags.file(file -> scan.writeBaseline = file, "--write-baseline")
            .description(
                "Record today's findings (exempt ones left out) in <file> by fingerprint: file,"
                    + " object, container, check and field path, no line numbers. Exits 0.")
            .build());
    spec.addOption(
        Flags.value(InputType.class, type -> scan.inputType = type, "--input-type")
            .paramLabel("<type>")
            .defaultValue("auto")
            .description(
                "What the inputs hold: auto (by file name, then content), kubernetes, compose or"
                    + " dockerfile. Needed only for standard input that auto-detection gets"
                    + " wrong.")
            .build());
    scan.workloadKinds = WorkloadKindOptions.mixInto(spec);
    spec.addOption(
        Flags.list(java.nio.file.Path.class, files -> scan.valuesFiles = files, "--values")
            .paramLabel("<file>")
            .description("For a chart directory: a values file, as helm's --values (repeatable).")
            .build());
    spec.addOption(
        Flags.list(String.class, values -> scan.sets = values, "--set")
            .paramLabel("<key=value>")
            .description("For a chart directory: a value, as helm's --set (repeatable).")
            .build());
    spec.addOption(
        Flags.value(String.class, name -> scan.releaseName = name, "--release-name")
            .paramLabel("<name>")
            .defaultValue("release-name")
            .description(
                "For a chart directory: the release name to render with. Default:"
                    + " ${DEFAULT-VALUE}.")
            .build());
    spec.addOption(
        Flags.list(String.class, files -> scan.composeFiles = files, "--compose-file")
            .paramLabel("<file>")
            .description(
                "A Compose file of one project, as docker compose -f (repeatable: the files are"
                    + " merged in order). Here -f is --format.")
            .build());
    spec.addOption(
        Flags.value(String.class, file -> scan.envFile = file, "--env-file")
            .paramLabel("<file>")
            .description(
                "Compose variables from this file instead of the .env beside each Compose file,"
                    + " as docker compose --env-file.")
            .build());
    spec.addOption(
        Flags.flag(given -> scan.allowEmpty = given, "--allow-empty")
            .description(
                "Pass when the inputs hold nothing to evaluate (exit 0). Without it, a run that"
                    + " evaluated no object is an error (exit 2): nothing scanned is not a pass.")
            .build());
    spec.addOption(
        Flags.flag(given -> scan.followSymlinks = given, "--follow-symlinks")
            .description(
                "Read symbolic links that lead out of a directory scanned (reported otherwise).")
            .build());
    spec.addPositional(
        Flags.parameters(paths -> scan.paths = paths, "PATH", "0..*")
            .description("Files or directories to scan; '-' reads standard input.")
            .build());
    return Commands.withStandardHelp(spec);
  }

  @Override
  public Integer call() {
    output.reportFormat(); // settle -o <format> before reading anything
    if (paths.isEmpty() && composeFiles.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'PATH' (or --compose-file)");
    }
    Engine engine = Engine.standard();
    // Every config is read, and checked, before anything is scanned: a bad one is exit 2.
    dev.rootlock.engine.Configuration primary = config.configFor(firstPath(), engine.checkIds());
    for (String path : paths) {
      if (!path.equals("-")) {
        config.configFor(java.nio.file.Path.of(path), engine.checkIds());
      }
    }
    List<String> files = new java.util.ArrayList<>();
    List<dev.rootlock.engine.TextInput> rendered = new java.util.ArrayList<>();
    List<dev.rootlock.model.InputError> renderErrors = new java.util.ArrayList<>();
    for (String path : paths) {
      if (isChart(path)) {
        renderChart(path, rendered, renderErrors);
      } else {
        files.add(path);
      }
    }
    ScanResult scanned =
        Progress.onStandardError(spec.commandLine().getErr())
            .whileRunning(
                "scan: reading and checking",
                () ->
                    engine.scan(
                        new ScanRequest(
                            files,
                            policy.levelVersion(primary),
                            main.stdin,
                            inputType(),
                            workloadKinds.kinds(),
                            followSymlinks,
                            new dev.rootlock.engine.ComposeOptions(composeFiles, envFile),
                            config.rules(engine.checkIds())),
                        rendered));
    List<dev.rootlock.model.InputError> errors = new java.util.ArrayList<>(renderErrors);
    errors.addAll(scanned.errors());
    ScanResult result =
        new ScanResult(scanned.policy(), scanned.objects(), errors, scanned.skippedKinds());
    if (writeBaseline != null) {
      return BaselineOptions.write(writeBaseline, result, spec.commandLine().getErr());
    }
    java.nio.file.Path baselineFile = baseline != null ? baseline : primary.baseline();
    if (baselineFile != null) {
      result =
          BaselineOptions.apply(baselineFile, result, baseline != null ? "--baseline" : "baseline");
    }
    output.write(result, engine);
    if (result.objects().isEmpty() && result.errors().isEmpty() && !allowEmpty) {
      spec.commandLine()
          .getErr()
          .println("error: no object was evaluated: " + nothingBecause(result));
      spec.commandLine().getErr().flush();
      return ScanResult.ERROR;
    }
    return result.exitCode();
  }

  /** Where the default config is looked for: the first path given, or the working directory. */
  private java.nio.file.Path firstPath() {
    return paths.stream()
        .filter(path -> !path.equals("-"))
        .findFirst()
        .map(java.nio.file.Path::of)
        .orElse(null);
  }

  /** A directory with a Chart.yaml is a Helm chart, rendered before it is read (as helm does). */
  private static boolean isChart(String path) {
    if (path.equals("-")) {
      return false;
    }
    java.nio.file.Path dir = java.nio.file.Path.of(path);
    return java.nio.file.Files.isDirectory(dir)
        && java.nio.file.Files.isRegularFile(dir.resolve("Chart.yaml"));
  }

  private void renderChart(
      String chart,
      List<dev.rootlock.engine.TextInput> rendered,
      List<dev.rootlock.model.InputError> errors) {
    for (String set : sets) {
      if (set.indexOf('=') < 1) {
        throw new ParameterException(
            spec.commandLine(), "--set: invalid value \"" + set + "\": expected key=value");
      }
    }
    if (!helmIsPresent()) {
      errors.add(
          new dev.rootlock.model.InputError(
              chart,
              null,
              "Helm rendering is not in this image (it leaves helm-java out); render the chart"
                  + " with 'helm template' and scan its output"));
      return;
    }
    try {
      rendered.addAll(
          ChartRenderer.render(java.nio.file.Path.of(chart), releaseName, valuesFiles, sets));
    } catch (IllegalStateException e) {
      errors.add(
          new dev.rootlock.model.InputError(
              chart, null, "helm could not render the chart: " + e.getMessage()));
    }
  }

  /**
   * rootlock's own image leaves helm-java (27 MB of native code) out of its class path: the webhook
   * never renders charts. Asked by name, so that nothing but ChartRenderer links against Helm.
   */
  private static boolean helmIsPresent() {
    try {
      Class.forName("com.marcnuri.helm.Helm", false, ScanCommand.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Why nothing was evaluated: what was skipped, or that nothing was there. */
  private static String nothingBecause(ScanResult result) {
    String hint = "; pass --allow-empty if that is expected";
    if (result.skippedKinds().isEmpty()) {
      return "the inputs hold no Kubernetes object, Compose service or Dockerfile" + hint;
    }
    StringBuilder skipped = new StringBuilder("skipped ");
    new java.util.TreeMap<>(result.skippedKinds())
        .forEach(
            (kind, count) ->
                skipped
                    .append(skipped.length() > "skipped ".length() ? ", " : "")
                    .append(count)
                    .append(' ')
                    .append(kind));
    return skipped + " (kinds without a pod template)" + hint;
  }

  private InputType inputType() {
    return inputType;
  }
}
