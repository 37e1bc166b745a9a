package dev.rootlock.engine;

import dev.rootlock.fix.Fixer;
import dev.rootlock.fix.ManifestFixer;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.DockerfileImage;
import dev.rootlock.model.fix.FixReport;
import dev.rootlock.model.fix.FixRequest;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.checks.PodChecks;
import dev.rootlock.policy.docker.DockerChecks;
import dev.rootlock.policy.docker.DockerfileChecks;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one facade the CLI, the cluster auditor and the webhook call. Thread-safe: it holds only the
 * immutable check registries.
 */
public final class Engine {

  private final CheckRegistry<Pod> podChecks;
  private final CheckRegistry<ContainerConfig> containerChecks;
  private final CheckRegistry<DockerfileImage> dockerfileChecks;
  private final WorkloadEvaluator workloads;
  private final ContainerEvaluator containers;

  private Engine(
      CheckRegistry<Pod> podChecks,
      CheckRegistry<ContainerConfig> containerChecks,
      CheckRegistry<DockerfileImage> dockerfileChecks) {
    this.podChecks = podChecks;
    this.containerChecks = containerChecks;
    this.dockerfileChecks = dockerfileChecks;
    this.workloads = new WorkloadEvaluator(podChecks);
    this.containers = new ContainerEvaluator(containerChecks);
  }

  /** The engine with every built-in check. */
  public static Engine standard() {
    return new Engine(PodChecks.registry(), DockerChecks.registry(), DockerfileChecks.registry());
  }

  /**
   * Reads every input, evaluates every object that carries a pod template, and collects what could
   * not be read; never stops at a bad file.
   */
  public ScanResult scan(ScanRequest request) {
    return scan(request, List.of());
  }

  /**
   * As {@link #scan(ScanRequest)}, then reads {@code texts} (documents Helm rendered, say) as
   * Kubernetes manifests under their own names.
   */
  public ScanResult scan(ScanRequest request, List<TextInput> texts) {
    InputFiles.Expansion expansion = InputFiles.expand(request.inputs(), request.followSymlinks());
    FileScanner scanner =
        new FileScanner(
            workloads,
            containers,
            dockerfileChecks,
            request.policy(),
            request.inputType(),
            request.kinds(),
            request.compose().envFile(),
            request.exemptions(),
            checkIds());
    scanner.addInputErrors(expansion.errors());
    if (!request.compose().files().isEmpty()) {
      scanner.scanComposeProject(request.compose().files());
    }
    for (InputFile file : expansion.files()) {
      // A file found under a directory is read as docker compose run there reads it: with the
      // override file beside it. A file named on its own is read alone, as docker compose -f.
      scanner.scan(file, request.stdin(), !request.inputs().contains(file.displayName()));
    }
    for (TextInput text : texts) {
      scanner.scanManifests(null, text.displayName(), text.text());
    }
    return scanner.result();
  }

  /**
   * Hardens files in place ({@code write}) or only proposes the changes as a diff, keeping every
   * byte the fix does not need to touch; {@code -} is read from {@code stdin} and never written.
   * Leaves alone every field of a check that {@code exemptions} (and, when enabled, the object's
   * own annotations) exempt, as scan leaves its finding uncounted; hands each file's result to
   * {@code onFile} as soon as it is done, and stops before the next file once {@code stop} says so
   * (a signal).
   */
  public FixReport fix(
      List<String> paths,
      FixRequest request,
      boolean write,
      boolean followSymlinks,
      InputStream stdin,
      ExemptionRules exemptions,
      java.util.function.Consumer<dev.rootlock.model.fix.FileResult> onFile,
      java.util.function.BooleanSupplier stop) {
    dev.rootlock.fix.plan.FixExemptions fixExemptions =
        new dev.rootlock.fix.plan.FixExemptions(exemptions.enabled(), exemptions::forFile);
    return new Fixer(FixOptions.of(request), stdin, fixExemptions)
        .run(InputFiles.expand(paths, followSymlinks), paths, followSymlinks, write, onFile, stop);
  }

  /** As {@link #fix}, proposing only (nothing written, nothing reported as it goes). */
  private FixReport plan(
      List<String> paths, FixRequest request, boolean followSymlinks, ExemptionRules exemptions) {
    return fix(paths, request, false, followSymlinks, null, exemptions, file -> {}, () -> false);
  }

  /**
   * The writable paths {@code rootlock docker discover --paths-out} wrote to {@code file}, for
   * {@link FixRequest#withDiscovered} ({@code fix --paths-from}); a malformed file is an {@link
   * IllegalArgumentException} naming it.
   */
  public static List<dev.rootlock.model.image.DiscoveredPaths> readDiscoveredPaths(Path file)
      throws java.io.IOException {
    return dev.rootlock.source.image.DiscoveredPathsReader.read(file);
  }

  /**
   * What {@code rootlock fix} would change in {@code workload}, as changes by path from the
   * object's root (none for a windows pod), for the mutating webhook to turn into a JSON Patch.
   */
  public Plan hardeningPlan(Workload workload, FixOptions options) {
    return ManifestFixer.plan(options, workload);
  }

  /**
   * As {@link #hardeningPlan(Workload, FixOptions)}, leaving alone what {@code exemptions} exempt
   * (the config's rules and, when enabled, the object's {@code rootlock.dev/exempt*} annotations),
   * as {@code rootlock fix} does.
   */
  public Plan hardeningPlan(Workload workload, FixOptions options, ExemptionRules exemptions) {
    return ManifestFixer.plan(options, workload, exemptions.forFile(null), exemptions.enabled());
  }

  /**
   * Reads one {@code docker run} line as the Docker CLI does, judges it at {@code policy} and
   * hardens it: the line rewritten with {@code userAsked} (or, when {@code userGiven} is false, the
   * image's own user from the knowledge base) and a {@code /tmp} tmpfs of {@code tmpfsSize}. A line
   * the daemon would refuse is neither judged nor hardened: its {@link RunLint#problem} says why.
   *
   * @throws InvalidInputException when the words are not a run line (the message names the flag)
   */
  public RunLint lint(
      List<String> args,
      String sourceName,
      LevelVersion policy,
      String userAsked,
      boolean userGiven,
      String tmpfsSize)
      throws InvalidInputException {
    dev.rootlock.source.dockerrun.DockerRunCommand command = readRunLine(args);
    if (!command.problems().isEmpty()) {
      return new RunLint(command, null, null, userAsked);
    }
    ObjectResult verdict = containers.evaluate(command.toObject(sourceName), policy);
    String user =
        userGiven
            ? userAsked
            : dev.rootlock.source.image.ImageKnowledge.builtIn()
                .userFor(command.image())
                .orElse(userAsked);
    dev.rootlock.fix.dockerrun.HardenedRunCommand hardened =
        dev.rootlock.fix.dockerrun.HardenedRunCommand.builder(command)
            .user(user)
            .tmpfsSize(tmpfsSize)
            .build();
    return new RunLint(
        command, verdict, hardened.args().equals(command.args()) ? null : hardened, user);
  }

  /** Every check this engine can report, for rule lists such as SARIF's. */
  public List<CheckDefinition<?>> rules() {
    List<CheckDefinition<?>> rules = new ArrayList<>(podChecks.definitions());
    rules.addAll(containerChecks.definitions());
    rules.addAll(dockerfileChecks.definitions());
    return List.copyOf(rules);
  }

  /** Evaluates one Docker container configuration (a Compose service, a run line, a container). */
  public ObjectResult evaluate(DockerObject container, LevelVersion policy) {
    return containers.evaluate(container, policy);
  }

  /**
   * Checks {@code fix --only}'s list before anything is read, with the message the fixer would
   * give.
   *
   * @throws IllegalArgumentException naming the fixable checks, when {@code checks} holds another
   */
  public static void requireFixable(java.util.Collection<String> checks) {
    Fixer.requireFixable(checks);
  }

  /** Every check ID this engine knows, for validating exemptions. */
  public java.util.Set<String> checkIds() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (CheckDefinition<?> rule : rules()) {
      ids.add(rule.id());
    }
    return java.util.Collections.unmodifiableSet(ids);
  }

  /**
   * As {@link #evaluate(Workload, LevelVersion)}, then marks exempt the findings that {@code
   * exemptions} (and, when enabled, the object's own annotations) cover. The message stays PSA's.
   */
  public ObjectResult evaluate(Workload workload, LevelVersion policy, ExemptionRules exemptions) {
    return new ExemptionApplier(checkIds())
        .apply(
            workloads.evaluate(workload, policy),
            workload,
            exemptions.forFile(null),
            exemptions.enabled());
  }

  /** As {@link #evaluate(DockerObject, LevelVersion)}, with {@code exemptions} applied. */
  public ObjectResult evaluate(
      DockerObject container, LevelVersion policy, ExemptionRules exemptions) {
    return new ExemptionApplier(checkIds())
        .apply(
            containers.evaluate(container, policy),
            container,
            exemptions.forFile(null),
            exemptions.enabled());
  }

  /** Evaluates one workload (from a file, a cluster or an admission request) at {@code policy}. */
  public ObjectResult evaluate(Workload workload, LevelVersion policy) {
    return workloads.evaluate(workload, policy);
  }

  /**
   * What the reporters need for a result of this engine: every check it can report (SARIF's rule
   * list), {@code toolVersion}, and whether text may use ANSI {@code colour}.
   */
  public dev.rootlock.report.ReportContext reportContext(String toolVersion, boolean colour) {
    return dev.rootlock.report.ReportContext.of(toolVersion, null, rules(), colour);
  }

  /**
   * Reads one {@code docker run} line as the Docker CLI does and judges it at {@code policy}, as
   * {@code rootlock docker lint} would, without hardening it.
   *
   * @throws InvalidInputException when the words are not a run line the Docker CLI would accept
   */
  public ObjectResult evaluateRunLine(List<String> args, String sourceName, LevelVersion policy)
      throws InvalidInputException {
    return evaluate(readRunLine(args).toObject(sourceName), policy);
  }

  /** Reads {@code docker run} words as the Docker CLI does; its refusal keeps its message. */
  private static dev.rootlock.source.dockerrun.DockerRunCommand readRunLine(List<String> args)
      throws InvalidInputException {
    try {
      return dev.rootlock.source.dockerrun.DockerRunParser.parse(args);
    } catch (dev.rootlock.source.dockerrun.DockerRunException e) {
      throw new InvalidInputException(e);
    }
  }

  /**
   * {@code fix --prove}: plans the fixes of {@code paths} (writing nothing) and runs each fixed
   * object through {@code prover}. With {@code discover}, when a proof fails, the trials learn what
   * the objects need, and the fixes are planned and proven again with it.
   */
  public ProvenFix prove(
      List<String> paths,
      FixRequest request,
      boolean followSymlinks,
      ExemptionRules exemptions,
      dev.rootlock.fix.prove.Prover prover,
      boolean discover) {
    FixReport planned = plan(paths, request, followSymlinks, exemptions);
    List<dev.rootlock.model.fix.Proof> proofs = dev.rootlock.fix.prove.Proofs.of(planned, prover);
    List<dev.rootlock.model.fix.Discovered> found = new ArrayList<>();
    FixRequest proven = request;
    if (discover && dev.rootlock.report.ProofLines.exitCode(proofs) != 0) {
      FixOptions learnt =
          dev.rootlock.fix.prove.Proofs.discover(proofs, prover, FixOptions.of(request), found);
      proven = request.withDiscovered(learnt.discovered()).withNeeds(learnt.needs());
      planned = plan(paths, proven, followSymlinks, exemptions);
      proofs = dev.rootlock.fix.prove.Proofs.of(planned, prover);
    }
    return new ProvenFix(proven, proofs, found);
  }
}
