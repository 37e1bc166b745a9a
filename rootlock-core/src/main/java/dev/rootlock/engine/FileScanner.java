package dev.rootlock.engine;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.Locator;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.ParsedSource;
import dev.rootlock.source.SourceKind;
import dev.rootlock.source.SourceReader;
import dev.rootlock.source.SourceReaders;
import dev.rootlock.source.compose.ComposeEnvironment;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.dockerfile.ParsedDockerfile;
import dev.rootlock.source.kube.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads input files one at a time, sends each to the reader for what it holds (Kubernetes
 * manifests, a Compose file, a Dockerfile) and evaluates the result, collecting objects, errors and
 * skipped kinds in input order. A file that cannot be read is an error and the scan goes on.
 */
final class FileScanner {

  private final SourceReaders readers;
  private final WorkloadEvaluator workloads;
  private final ContainerEvaluator containers;
  private final CheckRegistry<DockerfileImage> dockerfileChecks;
  private final LevelVersion policy;
  private final InputType inputType;
  private final String composeEnvFile;
  private final ExemptionRules exemptionRules;
  private final ExemptionApplier exemptions;

  private final List<ObjectResult> objects = new ArrayList<>();
  private final List<InputError> errors = new ArrayList<>();
  private final Map<String, Integer> skippedKinds = new TreeMap<>();

  /**
   * @param composeEnvFile the file Compose projects take their variables from ({@code --env-file}),
   *     or null for the {@code .env} beside each Compose file
   * @param exemptionRules the exemptions to honour, by the file a finding is in
   * @param knownChecks every check ID, so that an exemption can name only real ones
   */
  FileScanner(
      WorkloadEvaluator workloads,
      ContainerEvaluator containers,
      CheckRegistry<DockerfileImage> dockerfileChecks,
      LevelVersion policy,
      InputType inputType,
      WorkloadKinds kinds,
      String composeEnvFile,
      ExemptionRules exemptionRules,
      java.util.Set<String> knownChecks) {
    this.composeEnvFile = composeEnvFile;
    this.readers = SourceReaders.of(kinds);
    this.workloads = workloads;
    this.containers = containers;
    this.dockerfileChecks = dockerfileChecks;
    this.policy = policy;
    this.inputType = inputType;
    this.exemptionRules = exemptionRules;
    this.exemptions = new ExemptionApplier(knownChecks);
  }

  /** Records what could not be read before any file was (arguments that named no file). */
  void addInputErrors(List<InputError> inputErrors) {
    errors.addAll(inputErrors);
  }

  /** Everything scanned so far, in input order. */
  dev.rootlock.model.ScanResult result() {
    return new dev.rootlock.model.ScanResult(policy.toString(), objects, errors, skippedKinds);
  }

  /**
   * Scans one file. A bug that throws on this file's content (which a hostile file must not turn
   * into a lost run) becomes an input error for the file, and the run goes on.
   */
  void scan(InputFile file, InputStream stdin) {
    scan(file, stdin, false);
  }

  /**
   * As {@link #scan(InputFile, InputStream)}; {@code foundInDirectory} says the file was found
   * under a directory the user named, so a Compose file there is read with its override file, as
   * {@code docker compose} run in that directory reads it.
   */
  void scan(InputFile file, InputStream stdin, boolean foundInDirectory) {
    try {
      scanFile(file, stdin, foundInDirectory);
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(new InputError(file.displayName(), null, "cannot scan this file: " + brief(e)));
    }
  }

  private void scanFile(InputFile file, InputStream stdin, boolean foundInDirectory) {
    // instanceof, not a pattern switch, on this path and the next few (evaluate, ManifestObjects,
    // ExemptionApplier): JDK 25's AOT cache cannot hold the class a type switch generates on its
    // first run, and the four a scan met cost about a tenth of every cold start
    // (docs/PERFORMANCE.md,
    // "Cold start"). The last case is a cast, so a new subtype fails loudly, not silently.
    LoadedFile loaded = InputFiles.read(file, stdin);
    if (loaded instanceof LoadedFile.Unreadable unreadable) {
      errors.add(unreadable.error());
    } else {
      LoadedFile.Text text = (LoadedFile.Text) loaded;
      SourceReader reader =
          inputType != InputType.AUTO
              ? readers.of(kindOf(inputType))
              : readers.readerFor(file.isStdin() ? "" : baseName(file.path()), text.text());
      evaluate(file, reader.read(text.displayName(), text.text()), foundInDirectory);
    }
  }

  /** Evaluates one source as its reader read it. */
  private void evaluate(InputFile file, ParsedSource source, boolean foundInDirectory) {
    if (source instanceof ParsedSource.Manifests manifests) {
      scanManifests(pathOf(file), manifests);
    } else if (source instanceof ParsedSource.Compose compose) {
      scanCompose(file, compose.displayName(), compose.text(), foundInDirectory);
    } else {
      scanDockerfile(pathOf(file), (ParsedSource.Dockerfile) source);
    }
  }

  private static SourceKind kindOf(InputType type) {
    return switch (type) {
      case DOCKERFILE -> SourceKind.DOCKERFILE;
      case COMPOSE -> SourceKind.COMPOSE;
      case KUBERNETES, AUTO -> SourceKind.KUBERNETES;
    };
  }

  /** The file a Compose service was written in (an override's, an included project's), if any. */
  private static Path fileOf(DockerObject service) {
    String file = service.source().file();
    return file == null || file.equals(InputFile.STDIN) ? null : Path.of(file);
  }

  private static Path pathOf(InputFile file) {
    return file.isStdin() ? null : file.path();
  }

  /** Reads {@code text} as Kubernetes manifests, whatever its name, and evaluates them. */
  void scanManifests(Path path, String displayName, String text) {
    scanManifests(
        path, (ParsedSource.Manifests) readers.of(SourceKind.KUBERNETES).read(displayName, text));
  }

  private void scanManifests(Path path, ParsedSource.Manifests source) {
    String displayName = source.displayName();
    dev.rootlock.policy.exempt.Exemptions rules = exemptionRules.forFile(path);
    ReadResult read = source.read();
    errors.addAll(read.errors());
    read.skippedKinds().forEach((kind, count) -> skippedKinds.merge(kind, count, Integer::sum));
    for (Workload workload : read.workloads()) {
      addProblems(displayName, workload.problems(), workload.locator());
      try {
        objects.add(
            exemptions.apply(
                workloads.evaluate(workload, policy), workload, rules, exemptionRules.enabled()));
      } catch (RuntimeException e) {
        errors.add(
            new InputError(
                displayName,
                workload.source().position(),
                "cannot evaluate this object: " + brief(e)));
      }
    }
  }

  private void scanCompose(
      InputFile file, String displayName, String text, boolean foundInDirectory) {
    if (foundInDirectory && isMergedOverride(file)) {
      return; // read with the Compose file it overrides, as one project
    }
    ComposeEnvironment environment = composeEnvironment(file, displayName);
    InputFile override = foundInDirectory ? overrideOf(file) : null;
    java.util.function.Function<ComposeEnvironment, ComposeFile> reader =
        override != null
            ? env -> ComposeReader.readProject(List.of(file, override), env)
            : env -> ComposeReader.read(displayName, file.path(), text, env);
    addCompose(reader, environment);
  }

  /**
   * Reads the Compose files {@code files} as one project, merged in order, as {@code docker compose
   * -f a -f b} reads them; variables come from {@code --env-file} or the {@code .env} beside the
   * first file.
   */
  void scanComposeProject(List<String> files) {
    List<InputFile> inputs = new ArrayList<>();
    for (String name : files) {
      inputs.add(
          name.equals(InputFile.STDIN) ? InputFile.stdin() : new InputFile(name, Path.of(name)));
    }
    if (inputs.stream().anyMatch(InputFile::isStdin)) {
      errors.add(
          new InputError("-", null, "--compose-file: standard input cannot be part of a project"));
      return;
    }
    addCompose(
        env -> ComposeReader.readProject(inputs, env),
        composeEnvironment(inputs.get(0), files.get(0)));
  }

  /**
   * Reads a Compose project with {@code environment} and evaluates its services; then, for each
   * variable the project reads that is not set here, reads it again with the variable set to each
   * of {@link UnsetVariables#PROBES} and reports what that would make fail.
   */
  private void addCompose(
      java.util.function.Function<ComposeEnvironment, ComposeFile> reader,
      ComposeEnvironment environment) {
    ComposeFile compose = reader.apply(environment);
    errors.addAll(compose.errors());
    java.util.Map<String, ObjectResult> results = new java.util.LinkedHashMap<>();
    for (DockerObject service : compose.services()) {
      String displayName = service.source().file();
      addProblems(displayName, service.problems(), service.locator());
      try {
        results.put(
            service.config().name(),
            exemptions.apply(
                containers.evaluate(service, policy),
                service,
                exemptionRules.forFile(fileOf(service)),
                exemptionRules.enabled()));
      } catch (RuntimeException e) {
        errors.add(
            new InputError(
                displayName,
                service.source().position(),
                "cannot evaluate this object: " + brief(e)));
      }
    }
    UnsetVariables probes = new UnsetVariables(results);
    probes.probe(compose, variable -> safely(reader, environment, variable), containers, policy);
    objects.addAll(probes.results());
  }

  private static java.util.function.Function<String, ComposeFile> safely(
      java.util.function.Function<ComposeEnvironment, ComposeFile> reader,
      ComposeEnvironment environment,
      String variable) {
    return value -> reader.apply(environment.with(variable, value));
  }

  /** The first override file beside {@code file} that Compose would load with it, or null. */
  private static InputFile overrideOf(InputFile file) {
    if (file.isStdin()) {
      return null;
    }
    for (String name : ComposeReader.overrideNamesFor(baseName(file.path()))) {
      Path override = file.path().resolveSibling(name);
      if (java.nio.file.Files.isRegularFile(override)) {
        String display = file.displayName();
        int slash = display.lastIndexOf('/');
        return new InputFile(display.substring(0, slash + 1) + name, override);
      }
    }
    return null;
  }

  /** Whether {@code file} is an override file that is read with a Compose file beside it. */
  private static boolean isMergedOverride(InputFile file) {
    if (file.isStdin()) {
      return false;
    }
    for (String base :
        List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")) {
      Path basePath = file.path().resolveSibling(base);
      if (java.nio.file.Files.isRegularFile(basePath)) {
        InputFile override = overrideOf(new InputFile(base, basePath));
        if (override != null && override.path().equals(file.path())) {
          return true;
        }
      }
    }
    return false;
  }

  private void scanDockerfile(Path path, ParsedSource.Dockerfile source) {
    if (source.error() != null) {
      errors.add(source.error());
      return;
    }
    String displayName = source.displayName();
    String text = source.text();
    ParsedDockerfile dockerfile = source.dockerfile();
    ObjectRef ref =
        new ObjectRef(
            SourceRef.of(displayName), null, "Dockerfile", null, dockerfile.image().displayName());
    objects.add(
        exemptions.apply(
            Verdicts.of(
                ref,
                dockerfileChecks.evaluate(policy, dockerfile.image()),
                FieldPath.root(),
                dockerfile.locator(),
                dockerfile.notes()),
            exemptionRules.forFile(path),
            displayName,
            text,
            exemptionRules.enabled()));
  }

  /**
   * What Compose interpolates the file with: this process's environment over {@code --env-file}
   * when given, else over the {@code .env} file beside it (the project directory's), as {@code
   * docker compose} run there would. A file that cannot be read is an error; the scan goes on with
   * the environment alone.
   */
  private ComposeEnvironment composeEnvironment(InputFile file, String displayName) {
    try {
      if (composeEnvFile != null) {
        Path envFile = Path.of(composeEnvFile);
        if (!java.nio.file.Files.isRegularFile(envFile)) {
          InputError missing = new InputError(composeEnvFile, null, "--env-file: no such file");
          if (!errors.contains(missing)) { // once, not once per Compose file
            errors.add(missing);
          }
          return ComposeEnvironment.of(System.getenv());
        }
        return ComposeEnvironment.load(System.getenv(), envFile, composeEnvFile);
      }
      if (file.isStdin()) {
        return ComposeEnvironment.of(System.getenv());
      }
      Path dir = file.path().toAbsolutePath().getParent();
      String slash =
          displayName.lastIndexOf('/') < 0
              ? ""
              : displayName.substring(0, displayName.lastIndexOf('/') + 1);
      return ComposeEnvironment.load(System.getenv(), dir.resolve(".env"), slash + ".env");
    } catch (IOException | UncheckedIOException e) {
      errors.add(new InputError(displayName, null, "cannot read the project's .env: " + e));
      return ComposeEnvironment.of(System.getenv());
    }
  }

  /**
   * A wrongly typed field is one the API server (or Compose) would refuse to decode: an input error
   * at its position, with the field treated as unset so the object is still judged.
   */
  private void addProblems(String displayName, List<FieldProblem> problems, Locator locator) {
    for (FieldProblem problem : problems) {
      String file = locator.fileOf(problem.path());
      errors.add(
          new InputError(
              file == null ? displayName : file,
              locator.locate(problem.path()),
              problem.path() + ": " + problem.message()));
    }
  }

  /** An unexpected exception in one line: its type and message, never a stack trace. */
  static String brief(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static String baseName(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }
}
