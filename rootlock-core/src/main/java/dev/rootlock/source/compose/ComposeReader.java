package dev.rootlock.source.compose;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import dev.rootlock.source.tree.YamlTreeReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Compose file into one {@link DockerObject} per service, with Compose's own rules: YAML
 * 1.2 scalars, merge keys where a written key beats a merged one, {@code extends} within the file
 * (another file's services are not followed), {@code x-} extension fields ignored, and {@code
 * ${VAR}} interpolated as the Compose specification defines it ({@link Interpolation}). Positions are exact: a finding about an inherited or merged
 * field points where that field is written.
 */
public final class ComposeReader {

  private static final Pattern COMPOSE_NAME =
      Pattern.compile("(docker-)?compose(\\.[^/]+)?\\.ya?ml");

  /**
   * Compose files lean on aliases ({@code <<: *defaults} in every service; sentry's has over 130),
   * so the count of collection aliases is raised; the bound on aliased nodes, which is what stops
   * alias bombs, stays.
   */
  static final TreeLimits LIMITS =
      new TreeLimits(
          TreeLimits.DEFAULT.maxDocumentCodePoints(),
          TreeLimits.DEFAULT.maxDepth(),
          10_000,
          TreeLimits.DEFAULT.maxAliasedNodes());

  private final String file;
  private final ComposeEnvironment environment;
  private final List<InputError> errors = new ArrayList<>();
  private Map<Node, Interpolation.Result> traces = Map.of();
  private final Map<String, FieldProblem> extendsWarnings = new HashMap<>();
  private final Map<String, MappingNode> resolvedServices = new LinkedHashMap<>();

  private ComposeReader(String file, ComposeEnvironment environment) {
    this.file = file;
    this.environment = environment;
  }

  /**
   * Whether {@code fileName} (no directory) is a Compose file by name: {@code compose.yaml}, {@code
   * compose.yml}, {@code docker-compose.yaml}, {@code docker-compose.yml}, and the same names with
   * a middle part ({@code docker-compose.prod.yml}, {@code compose.override.yaml}).
   */
  public static boolean isComposeFileName(String fileName) {
    return COMPOSE_NAME.matcher(fileName).matches();
  }

  /**
   * Whether a parsed document is a Compose file by content: a {@code services} mapping and no
   * {@code kind}.
   */
  public static boolean isComposeDocument(Node root) {
    return root instanceof MappingNode mapping
        && mapping.get("services") instanceof MappingNode
        && mapping.get("kind") == null;
  }

  /**
   * The document tree of a Compose text as written (merge keys and {@code extends} not applied),
   * read with Compose's YAML 1.2 scalars and limits: what the fixer edits.
   */
  public static Optional<Node> parseDocument(String text) throws TreeException {
    return new YamlTreeReader(ComposeScalars.INSTANCE, LIMITS)
        .readFirst(text, 0, text.length(), new TextPositions(text));
  }

  /**
   * Whether {@code text} is a Compose file by content ({@link #isComposeDocument}); false when it
   * is not YAML at all. For standard input and files whose name says nothing.
   */
  public static boolean looksLikeCompose(String text) {
    try {
      return new YamlTreeReader(ComposeScalars.INSTANCE, LIMITS)
          .readFirst(text, 0, text.length(), new TextPositions(text))
          .map(ComposeReader::isComposeDocument)
          .orElse(false);
    } catch (TreeException e) {
      return false;
    }
  }

  /**
   * Reads {@code text}, the contents of {@code file} ({@code -} for standard input), with no
   * variables set: every {@code ${VAR}} reads as Compose reads it when {@code VAR} is unset.
   */
  public static ComposeFile read(String file, String text) {
    return read(file, text, ComposeEnvironment.empty());
  }

  /** Reads {@code text}, interpolating it with {@code environment}. */
  public static ComposeFile read(String file, String text, ComposeEnvironment environment) {
    return new ComposeReader(file, environment).readText(text);
  }

  /**
   * The services of {@code text} as Compose resolves them with {@code environment}, in file order;
   * empty when the file cannot be read (then {@link #read} says why).
   */
  public static List<ResolvedService> resolveServices(
      String file, String text, ComposeEnvironment environment) {
    ComposeReader reader = new ComposeReader(file, environment);
    reader.readText(text);
    List<ResolvedService> services = new ArrayList<>();
    reader.resolvedServices.forEach(
        (name, node) -> services.add(new ResolvedService(name, node, reader.unresolved(node))));
    return services;
  }

  /** What {@link ResolvedService#unresolved()} lists for one service. */
  private List<String> unresolved(Node node) {
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    collectUnresolved(node, found);
    return List.copyOf(found);
  }

  private void collectUnresolved(Node node, java.util.Set<String> found) {
    switch (node) {
      case MappingNode mapping -> mapping.entries().forEach(e -> collectUnresolved(e.value(), found));
      case dev.rootlock.source.tree.SequenceNode sequence ->
          sequence.items().forEach(item -> collectUnresolved(item, found));
      case ScalarNode scalar -> {
        Interpolation.Result result = traces.get(scalar);
        if (result != null) {
          for (String use : result.uses()) {
            if (!result.known() && use.contains(" must be set when Compose runs")
                || use.endsWith(" is not set, so it reads as an empty string")) {
              found.add(use);
            }
          }
        }
      }
    }
  }

  private ComposeFile readText(String text) {
    TextPositions positions = new TextPositions(text);
    Optional<Node> document;
    try {
      document =
          new YamlTreeReader(ComposeScalars.INSTANCE, LIMITS)
              .readFirst(text, 0, text.length(), positions);
    } catch (TreeException e) {
      errors.add(new InputError(file, e.position(), e.getMessage()));
      return new ComposeFile(file, List.of(), errors);
    }
    if (document.isEmpty()) {
      errors.add(new InputError(file, null, "empty compose file"));
      return new ComposeFile(file, List.of(), errors);
    }
    MergeKeys merges = new MergeKeys();
    TreeInterpolation interpolation = new TreeInterpolation(file, environment);
    Node root = interpolation.apply(merges.resolve(document.get()));
    traces = interpolation.traces();
    errors.addAll(interpolation.errors());
    for (MergeKeys.Duplicate duplicate : merges.duplicates()) {
      errors.add(
          new InputError(
              file,
              duplicate.at(),
              "mapping key \""
                  + duplicate.key()
                  + "\" already defined at line "
                  + duplicate.first().line()));
    }
    if (!(root instanceof MappingNode top)) {
      errors.add(new InputError(file, root.start(), "Top-level object must be a mapping"));
      return new ComposeFile(file, List.of(), errors);
    }
    MappingNode.Entry include = top.entry("include");
    List<DockerObject> services = services(top);
    if (include != null && !include.value().isNull() && services.isEmpty()) {
      // Compose loads the included projects' services into this one; not following them would
      // pass a file that holds only include: with nothing checked, so that is an input error.
      // (With services of its own the file is judged on them; the included files are not.)
      errors.add(
          new InputError(
              file,
              include.keyNode().start(),
              "include: is not followed yet: the included files' services are not checked; scan"
                  + " them directly"));
    }
    return new ComposeFile(file, services, errors);
  }

  private List<DockerObject> services(MappingNode top) {
    MappingNode.Entry servicesEntry = top.entry("services");
    if (servicesEntry == null || servicesEntry.value().isNull()) {
      return List.of();
    }
    if (!(servicesEntry.value() instanceof MappingNode services)) {
      errors.add(
          new InputError(file, servicesEntry.keyNode().start(), "services must be a mapping"));
      return List.of();
    }
    Map<String, MappingNode.Entry> raw = new LinkedHashMap<>();
    for (MappingNode.Entry entry : services.entries()) {
      if (entry.value() instanceof MappingNode) {
        raw.put(entry.key(), entry);
      } else {
        errors.add(
            new InputError(
                file,
                entry.keyNode().start(),
                "service \"" + entry.key() + "\" must be a mapping"));
      }
    }
    Map<String, MappingNode> resolved = new HashMap<>();
    List<DockerObject> objects = new ArrayList<>();
    for (MappingNode.Entry entry : raw.values()) {
      MappingNode service = resolve(entry.key(), raw, resolved, new ArrayDeque<>());
      resolvedServices.put(entry.key(), service);
      DockerObject object = ServiceReader.read(file, entry.keyNode(), service, traces);
      FieldProblem warning = extendsWarnings.get(entry.key());
      if (warning != null) {
        List<FieldProblem> warnings = new ArrayList<>(object.warnings());
        warnings.add(0, warning);
        object =
            new DockerObject(
                object.source(), object.config(), object.problems(), warnings, object.locator());
      }
      objects.add(object);
    }
    return objects;
  }

  /** The service with its {@code extends} chain merged in; problems with the chain are errors. */
  private MappingNode resolve(
      String name,
      Map<String, MappingNode.Entry> raw,
      Map<String, MappingNode> resolved,
      Deque<String> chain) {
    MappingNode done = resolved.get(name);
    if (done != null) {
      return done;
    }
    MappingNode.Entry entry = raw.get(name);
    MappingNode service = (MappingNode) entry.value();
    MappingNode.Entry extendsEntry = service.entry("extends");
    MappingNode result = service;
    if (extendsEntry != null) {
      String base = baseOf(name, extendsEntry);
      if (base != null && chain.contains(base)) {
        List<String> cycle = new ArrayList<>(chain.reversed());
        cycle.add(name);
        cycle.add(base);
        String loop = String.join(" -> ", cycle.subList(cycle.indexOf(base), cycle.size()));
        errors.add(
            new InputError(
                file, extendsEntry.keyNode().start(), "circular reference with extends: " + loop));
      } else if (base != null && !raw.containsKey(base)) {
        errors.add(
            new InputError(
                file,
                extendsEntry.value().start(),
                "cannot extend service \"" + base + "\": no such service in this file"));
      } else if (base != null) {
        chain.push(name);
        MappingNode baseService = resolve(base, raw, resolved, chain);
        chain.pop();
        result = ServiceMerge.merge(baseService, service);
      }
    }
    resolved.put(name, result);
    return result;
  }

  /**
   * The service named by {@code extends: name} or {@code extends: {service: name}}; null otherwise.
   */
  private String baseOf(String name, MappingNode.Entry extendsEntry) {
    Node value = extendsEntry.value();
    if (value instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.value();
    }
    if (value instanceof MappingNode mapping) {
      Node otherFile = mapping.get("file");
      if (otherFile instanceof ScalarNode fileName && !fileName.isNull()) {
        extendsWarnings.put(
            name,
            new FieldProblem(
                FieldPath.of("extends", "file"),
                "extends from \""
                    + fileName.value()
                    + "\" is not followed; what it adds is not checked"));
        return null;
      }
      if (mapping.get("service") instanceof ScalarNode service && !service.isNull()) {
        return service.value();
      }
    }
    errors.add(
        new InputError(
            file, value.start(), "extends must name a service: NAME or {service: NAME}"));
    return null;
  }
}
