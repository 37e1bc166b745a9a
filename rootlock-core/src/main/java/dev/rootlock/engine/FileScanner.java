package dev.rootlock.engine;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Locator;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.compose.ComposeEnvironment;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import dev.rootlock.source.dockerfile.DockerfileException;
import dev.rootlock.source.dockerfile.DockerfileReader;
import dev.rootlock.source.dockerfile.ParsedDockerfile;
import dev.rootlock.source.kube.ManifestReader;
import dev.rootlock.source.kube.ReadResult;
import dev.rootlock.source.kube.WorkloadKinds;
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
 * manifests, a Compose file, a Dockerfile) and evaluates the result, collecting objects, errors
 * and skipped kinds in input order. A file that cannot be read is an error and the scan goes on.
 */
final class FileScanner {

  private final ManifestReader manifests;
  private final WorkloadEvaluator workloads;
  private final ContainerEvaluator containers;
  private final CheckRegistry<DockerfileImage> dockerfileChecks;
  private final LevelVersion policy;
  private final InputType inputType;
  private final ExemptionRules exemptionRules;
  private final ExemptionApplier exemptions;

  final List<ObjectResult> objects = new ArrayList<>();
  final List<InputError> errors = new ArrayList<>();
  final Map<String, Integer> skippedKinds = new TreeMap<>();

  FileScanner(
      WorkloadEvaluator workloads,
      ContainerEvaluator containers,
      CheckRegistry<DockerfileImage> dockerfileChecks,
      LevelVersion policy,
      InputType inputType,
      WorkloadKinds kinds,
      ExemptionRules exemptionRules,
      java.util.Set<String> knownChecks) {
    this.manifests = new ManifestReader(kinds);
    this.workloads = workloads;
    this.containers = containers;
    this.dockerfileChecks = dockerfileChecks;
    this.policy = policy;
    this.inputType = inputType;
    this.exemptionRules = exemptionRules;
    this.exemptions = new ExemptionApplier(knownChecks);
  }

  /**
   * Scans one file. A bug that throws on this file's content (which a hostile file must not turn
   * into a lost run) becomes an input error for the file, and the run goes on.
   */
  void scan(InputFile file, InputStream stdin) {
    try {
      scanFile(file, stdin);
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(new InputError(file.displayName(), null, "cannot scan this file: " + brief(e)));
    }
  }

  private void scanFile(InputFile file, InputStream stdin) {
    switch (InputFiles.read(file, stdin)) {
      case LoadedFile.Unreadable unreadable -> errors.add(unreadable.error());
      case LoadedFile.Text text -> {
        switch (typeOf(file, text.text())) {
          case DOCKERFILE -> scanDockerfile(pathOf(file), text.displayName(), text.text());
          case COMPOSE -> scanCompose(file, text.displayName(), text.text());
          default -> scanManifests(pathOf(file), text.displayName(), text.text());
        }
      }
    }
  }

  private InputType typeOf(InputFile file, String text) {
    if (inputType != InputType.AUTO) {
      return inputType;
    }
    String name = file.isStdin() ? "" : baseName(file.path());
    if (DockerfileReader.isDockerfileName(name)) {
      return InputType.DOCKERFILE;
    }
    if (ComposeReader.isComposeFileName(name) || ComposeReader.looksLikeCompose(text)) {
      return InputType.COMPOSE;
    }
    return InputType.KUBERNETES;
  }

  private static Path pathOf(InputFile file) {
    return file.isStdin() ? null : file.path();
  }

  void scanManifests(Path path, String displayName, String text) {
    dev.rootlock.policy.exempt.Exemptions rules = exemptionRules.forFile(path);
    ReadResult read = manifests.read(displayName, text);
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
                displayName, workload.source().position(), "cannot evaluate this object: " + brief(e)));
      }
    }
  }

  private void scanCompose(InputFile file, String displayName, String text) {
    ComposeEnvironment environment;
    try {
      environment = composeEnvironment(file, displayName);
    } catch (IOException | UncheckedIOException e) {
      errors.add(new InputError(displayName, null, "cannot read the project's .env: " + e));
      environment = ComposeEnvironment.of(System.getenv());
    }
    dev.rootlock.policy.exempt.Exemptions rules = exemptionRules.forFile(pathOf(file));
    ComposeFile compose = ComposeReader.read(displayName, text, environment);
    errors.addAll(compose.errors());
    for (DockerObject service : compose.services()) {
      addProblems(displayName, service.problems(), service.locator());
      try {
        objects.add(
            exemptions.apply(containers.evaluate(service, policy), service, rules, List.of()));
      } catch (RuntimeException e) {
        errors.add(
            new InputError(
                displayName, service.source().position(), "cannot evaluate this object: " + brief(e)));
      }
    }
  }

  private void scanDockerfile(Path path, String displayName, String text) {
    ParsedDockerfile dockerfile;
    try {
      dockerfile = DockerfileReader.read(displayName, text);
    } catch (DockerfileException e) {
      errors.add(new InputError(displayName, e.position(), e.getMessage()));
      return;
    }
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
            exemptionRules.forFile(path)));
  }

  /**
   * What Compose interpolates the file with: this process's environment over the {@code .env} file
   * beside it (the project directory's), as {@code docker compose} run there would.
   */
  private static ComposeEnvironment composeEnvironment(InputFile file, String displayName)
      throws IOException {
    if (file.isStdin()) {
      return ComposeEnvironment.of(System.getenv());
    }
    Path dir = file.path().toAbsolutePath().getParent();
    String slash = displayName.lastIndexOf('/') < 0 ? "" : displayName.substring(0, displayName.lastIndexOf('/') + 1);
    return ComposeEnvironment.load(System.getenv(), dir.resolve(".env"), slash + ".env");
  }

  /**
   * A wrongly typed field is one the API server (or Compose) would refuse to decode: an input
   * error at its position, with the field treated as unset so the object is still judged.
   */
  private void addProblems(String displayName, List<FieldProblem> problems, Locator locator) {
    for (FieldProblem problem : problems) {
      errors.add(
          new InputError(
              displayName, locator.locate(problem.path()), problem.path() + ": " + problem.message()));
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
