package dev.rootlock.source.compose;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.source.InputFile;
import dev.rootlock.source.InputFiles;
import dev.rootlock.source.LoadedFile;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.SequenceNode;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import dev.rootlock.source.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Compose project into one {@link DockerObject} per service, with Compose's own rules: YAML
 * 1.2 scalars, merge keys where a written key beats a merged one, {@code x-} extension fields
 * ignored, {@code ${VAR}} interpolated as the Compose specification defines it ({@link
 * Interpolation}) in each file before anything is merged, then the files of the project merged in
 * order ({@code -f a -f b}, {@code compose.override.yaml}; {@link ServiceMerge}), {@code include:}
 * followed (each included project interpolated with its own {@code .env} or {@code env_file}), and
 * {@code extends} followed within the file and into other files, recursively, with a cycle guard. A
 * service's {@code env_file} is read for the {@code PATH} it may set. Positions are exact: a
 * finding about an inherited, merged or included field points where that field is written, in the
 * file that wrote it ({@link NodeOrigins}).
 *
 * <p>A text read without a path (standard input, {@link #read(String, String)}) has no directory to
 * resolve other files against: its {@code include:} and {@code extends: {file: ...}} are then
 * reported as not followed.
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

  /** How many files one project may load (its own, included, extended): bounds a hostile tree. */
  static final int MAX_FILES = 256;

  /** How deep {@code include:} may nest. */
  static final int MAX_INCLUDE_DEPTH = 32;

  /** What a project and the projects it includes share while they are read. */
  private static final class Shared {
    final List<InputError> errors = new ArrayList<>();
    final NodeOrigins origins = new NodeOrigins();
    final IdentityHashMap<Node, Interpolation.Result> traces = new IdentityHashMap<>();
    final Map<String, FieldProblem> extendsWarnings = new HashMap<>();
    final Map<String, Scope> extendedFiles = new HashMap<>();
    final Deque<Path> including = new ArrayDeque<>();
    final java.util.Set<String> unknown = new java.util.TreeSet<>();
    final java.util.Set<String> defaulted = new java.util.TreeSet<>();
    int filesRead;
  }

  /** One file of the project, interpolated, merge keys applied; {@code path} null for a text. */
  private record Document(NodeOrigins.Origin origin, Path path, MappingNode top) {}

  /** The services of one file (or merged project), by name, and their {@code extends} resolved. */
  private record Scope(
      String file, Map<String, MappingNode.Entry> raw, Map<String, MappingNode> resolved) {
    Scope(String file, Map<String, MappingNode.Entry> raw) {
      this(file, raw, new HashMap<>());
    }
  }

  private final Shared shared;
  private final ComposeEnvironment environment;

  private ComposeReader(Shared shared, ComposeEnvironment environment) {
    this.shared = shared;
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
   * The override file Compose loads with {@code fileName} when run in its directory with no {@code
   * -f}: {@code compose.override.yaml} (or {@code .yml}) for {@code compose.yaml} and {@code
   * compose.yml}, {@code docker-compose.override.yml} (or {@code .yaml}) for the {@code
   * docker-compose} names; empty for any other name.
   */
  public static List<String> overrideNamesFor(String fileName) {
    return switch (fileName) {
      case "compose.yaml", "compose.yml" ->
          List.of("compose.override.yaml", "compose.override.yml");
      case "docker-compose.yml", "docker-compose.yaml" ->
          List.of("docker-compose.override.yml", "docker-compose.override.yaml");
      default -> List.of();
    };
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
    // A top-level services key is the word itself in the text, or written with a backslash escape
    // (only double-quoted YAML and JSON strings have escapes). Without either, the text cannot be
    // a Compose document and need not be parsed: most manifests are told apart here for free.
    if (!text.contains("services") && text.indexOf('\\') < 0) {
      return false;
    }
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

  /**
   * Reads {@code text}, interpolating it with {@code environment}; other files ({@code include:},
   * {@code extends: {file: ...}}) are not followed, as there is no directory to find them in.
   */
  public static ComposeFile read(String file, String text, ComposeEnvironment environment) {
    return read(file, null, text, environment);
  }

  /**
   * Reads {@code text}, the contents of {@code path} (named {@code file} in messages),
   * interpolating it with {@code environment}, and follows the files it refers to from {@code
   * path}'s directory.
   */
  public static ComposeFile read(
      String file, Path path, String text, ComposeEnvironment environment) {
    ComposeReader reader = new ComposeReader(new Shared(), environment);
    Document document = reader.parse(file, path, text);
    return reader.project(file, document == null ? List.of() : List.of(document));
  }

  /**
   * Reads the project made of {@code files}, in order, as {@code docker compose -f a -f b} reads
   * it: each file interpolated with {@code environment}, then each later file merged over the
   * earlier ones. Objects and errors are named by the file that wrote them.
   */
  public static ComposeFile readProject(List<InputFile> files, ComposeEnvironment environment) {
    ComposeReader reader = new ComposeReader(new Shared(), environment);
    List<Document> documents = new ArrayList<>();
    for (InputFile file : files) {
      Document document = reader.load(file.displayName(), file.path(), null);
      if (document != null) {
        documents.add(document);
      }
    }
    return reader.project(files.isEmpty() ? "-" : files.get(0).displayName(), documents);
  }

  /**
   * The services of {@code text} as Compose resolves them with {@code environment} (merge keys,
   * interpolation, {@code extends} within the file), in file order; empty when the file cannot be
   * read (then {@link #read} says why). {@code fix --prove} runs each of them.
   */
  public static List<ResolvedService> resolveServices(
      String file, String text, ComposeEnvironment environment) {
    ComposeReader reader = new ComposeReader(new Shared(), environment);
    Document document = reader.parse(file, null, text);
    if (document == null) {
      return List.of();
    }
    List<ResolvedService> services = new ArrayList<>();
    reader
        .resolvedServices(file, List.of(document))
        .forEach(
            (name, entry) ->
                services.add(
                    new ResolvedService(
                        name, (MappingNode) entry.value(), reader.unresolved(entry.value()))));
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
      case MappingNode mapping ->
          mapping.entries().forEach(e -> collectUnresolved(e.value(), found));
      case SequenceNode sequence ->
          sequence.items().forEach(item -> collectUnresolved(item, found));
      case ScalarNode scalar -> {
        Interpolation.Result result = shared.traces.get(scalar);
        if (result != null) {
          for (String use : result.uses()) {
            if ((!result.known() && use.contains(" must be set when Compose runs"))
                || use.endsWith(" is not set, so it reads as an empty string")) {
              found.add(use);
            }
          }
        }
      }
    }
  }

  private ComposeFile project(String file, List<Document> documents) {
    Map<String, MappingNode.Entry> services = resolvedServices(file, documents);
    List<DockerObject> objects = new ArrayList<>();
    for (MappingNode.Entry entry : services.values()) {
      MappingNode service = (MappingNode) entry.value();
      NodeOrigins.Origin origin = shared.origins.of(entry.keyNode());
      String serviceFile = origin == null ? file : origin.file();
      DockerObject object =
          ServiceReader.read(
              serviceFile,
              entry.keyNode(),
              service,
              shared.traces,
              shared.origins,
              EnvFiles.read(service, shared.origins, shared.errors));
      FieldProblem warning = shared.extendsWarnings.get(entry.key());
      if (warning != null) {
        List<FieldProblem> warnings = new ArrayList<>(object.warnings());
        warnings.add(0, warning);
        object =
            new DockerObject(
                object.source(), object.config(), object.problems(), warnings, object.locator());
      }
      objects.add(object);
    }
    return new ComposeFile(
        file,
        objects,
        shared.errors,
        List.copyOf(shared.unknown),
        shared.defaulted.stream().filter(name -> !shared.unknown.contains(name)).toList());
  }

  /**
   * The services of the project made of {@code documents}: each document's included services and
   * its own, merged over the earlier documents' by name, then every {@code extends} followed. The
   * entries' values are the resolved services; their key nodes are where each is first written.
   */
  private Map<String, MappingNode.Entry> resolvedServices(String file, List<Document> documents) {
    Map<String, MappingNode.Entry> raw = new LinkedHashMap<>();
    for (Document document : documents) {
      if (document.path() != null) {
        shared.including.push(document.path());
      }
      Map<String, MappingNode.Entry> own;
      try {
        own = includes(document);
      } finally {
        if (document.path() != null) {
          shared.including.pop();
        }
      }
      for (MappingNode.Entry entry : servicesOf(document).values()) {
        if (own.containsKey(entry.key())) {
          shared.errors.add(
              new InputError(
                  document.origin().file(),
                  entry.keyNode().start(),
                  "services." + entry.key() + " conflicts with imported resource"));
          continue;
        }
        own.put(entry.key(), entry);
      }
      for (MappingNode.Entry entry : own.values()) {
        MappingNode.Entry earlier = raw.get(entry.key());
        raw.put(
            entry.key(),
            earlier == null
                ? entry
                : new MappingNode.Entry(
                    entry.key(),
                    earlier.keyNode(),
                    ServiceMerge.override(
                        (MappingNode) earlier.value(), (MappingNode) entry.value(), shared.origins),
                    false));
      }
    }
    Scope scope = new Scope(file, raw);
    Map<String, MappingNode.Entry> resolved = new LinkedHashMap<>();
    for (MappingNode.Entry entry : raw.values()) {
      MappingNode service = resolve(scope, entry.key(), new ArrayDeque<>());
      resolved.put(
          entry.key(), new MappingNode.Entry(entry.key(), entry.keyNode(), service, false));
    }
    return resolved;
  }

  /** Reads and parses {@code path}; null (with an error) when it cannot be read. */
  private Document load(String file, Path path, Position referredAt) {
    if (++shared.filesRead > MAX_FILES) {
      shared.errors.add(
          new InputError(
              file, referredAt, "more than " + MAX_FILES + " Compose files in one project"));
      return null;
    }
    LoadedFile loaded = InputFiles.read(new InputFile(file, path));
    return switch (loaded) {
      case LoadedFile.Unreadable unreadable -> {
        shared.errors.add(unreadable.error());
        yield null;
      }
      case LoadedFile.Text text -> parse(file, path, text.text());
    };
  }

  /** Parses one file's text: merge keys applied, interpolated, every node's origin noted. */
  private Document parse(String file, Path path, String text) {
    TextPositions positions = new TextPositions(text);
    Optional<Node> document;
    try {
      document =
          new YamlTreeReader(ComposeScalars.INSTANCE, LIMITS)
              .readFirst(text, 0, text.length(), positions);
    } catch (TreeException e) {
      shared.errors.add(new InputError(file, e.position(), e.getMessage()));
      return null;
    }
    if (document.isEmpty()) {
      shared.errors.add(new InputError(file, null, "empty compose file"));
      return null;
    }
    MergeKeys merges = new MergeKeys();
    TreeInterpolation interpolation = new TreeInterpolation(file, environment);
    Node root = interpolation.apply(merges.resolve(document.get()));
    shared.errors.addAll(interpolation.errors());
    for (MergeKeys.Duplicate duplicate : merges.duplicates()) {
      shared.errors.add(
          new InputError(
              file,
              duplicate.at(),
              "mapping key \""
                  + duplicate.key()
                  + "\" already defined at line "
                  + duplicate.first().line()));
    }
    NodeOrigins.Origin origin =
        new NodeOrigins.Origin(
            file, path == null ? null : path.toAbsolutePath().normalize().getParent());
    shared.origins.register(root, origin);
    interpolation
        .traces()
        .forEach(
            (node, result) -> {
              shared.traces.put(node, result);
              shared.unknown.addAll(result.unset().unknown());
              shared.defaulted.addAll(result.unset().defaulted());
              if (result.setBy() != null && result.setBy().file() != null) {
                shared.origins.place(
                    node, new NodeOrigins.Place(result.setBy().file(), result.setBy().position()));
              }
            });
    if (!(root instanceof MappingNode top)) {
      shared.errors.add(new InputError(file, root.start(), "Top-level object must be a mapping"));
      return null;
    }
    return new Document(origin, path == null ? null : path.toAbsolutePath().normalize(), top);
  }

  private Map<String, MappingNode.Entry> servicesOf(Document document) {
    String file = document.origin().file();
    MappingNode.Entry servicesEntry = document.top().entry("services");
    Map<String, MappingNode.Entry> raw = new LinkedHashMap<>();
    if (servicesEntry == null || servicesEntry.value().isNull()) {
      return raw;
    }
    if (!(servicesEntry.value() instanceof MappingNode services)) {
      shared.errors.add(
          new InputError(file, servicesEntry.keyNode().start(), "services must be a mapping"));
      return raw;
    }
    for (MappingNode.Entry entry : services.entries()) {
      if (entry.value() instanceof MappingNode) {
        raw.put(entry.key(), entry);
      } else {
        shared.errors.add(
            new InputError(
                file,
                entry.keyNode().start(),
                "service \"" + entry.key() + "\" must be a mapping"));
      }
    }
    return raw;
  }

  /**
   * The resolved services of the projects {@code document} includes, in order: {@code include: [a,
   * b]} or {@code include: [{path: a or [a, a2], project_directory: d, env_file: e or [e]}]}. Each
   * is its own project, interpolated with this project's variables over its own {@code .env} (or
   * {@code env_file}), and read before this file's services, which may not redefine them.
   */
  private Map<String, MappingNode.Entry> includes(Document document) {
    Map<String, MappingNode.Entry> services = new LinkedHashMap<>();
    String file = document.origin().file();
    MappingNode.Entry include = document.top().entry("include");
    if (include == null || include.value().isNull()) {
      return services;
    }
    if (document.origin().dir() == null) {
      // Compose loads the included projects' services into this one; not following them would
      // pass a file that holds only include: with nothing checked, so that is an input error.
      // (With services of its own the file is judged on them; the included files are not.)
      if (!(document.top().get("services") instanceof MappingNode own) || own.entries().isEmpty()) {
        shared.errors.add(
            new InputError(
                file,
                include.keyNode().start(),
                "include: is not followed in a file read from standard input: the included"
                    + " files' services are not checked; scan the file by its path"));
      }
      return services;
    }
    if (!(include.value() instanceof SequenceNode items)) {
      shared.errors.add(new InputError(file, include.value().start(), "include must be a list"));
      return services;
    }
    for (Node item : items.items()) {
      includeOne(document, item)
          .forEach(
              (name, entry) -> {
                if (services.containsKey(name)) {
                  shared.errors.add(
                      new InputError(
                          file,
                          item.start(),
                          "services." + name + " conflicts with imported resource"));
                } else {
                  services.put(name, entry);
                }
              });
    }
    return services;
  }

  private Map<String, MappingNode.Entry> includeOne(Document document, Node item) {
    String file = document.origin().file();
    Path dir = document.origin().dir();
    List<ScalarNode> paths;
    List<ScalarNode> envFiles = List.of();
    ScalarNode projectDirectory = null;
    if (item instanceof ScalarNode scalar && !scalar.isNull()) {
      paths = List.of(scalar);
    } else if (item instanceof MappingNode mapping) {
      paths = scalars(mapping.get("path"), file, "include path");
      envFiles = scalars(mapping.get("env_file"), file, "include env_file");
      projectDirectory =
          mapping.get("project_directory") instanceof ScalarNode d && !d.isNull() ? d : null;
    } else {
      shared.errors.add(
          new InputError(
              file, item.start(), "include items must be a path or a mapping with path"));
      return Map.of();
    }
    if (paths.isEmpty()) {
      shared.errors.add(new InputError(file, item.start(), "include: path is required"));
      return Map.of();
    }
    Path first = dir.resolve(paths.get(0).value()).normalize();
    Path project =
        projectDirectory == null
            ? first.getParent()
            : dir.resolve(projectDirectory.value()).normalize();
    ComposeEnvironment included = environment;
    try {
      if (envFiles.isEmpty()) {
        included =
            included.withFileBelow(
                project.resolve(".env"),
                display(file, dir.relativize(project.resolve(".env")).toString()));
      } else {
        for (ScalarNode envFile : envFiles) {
          Path envPath = dir.resolve(envFile.value()).normalize();
          if (!java.nio.file.Files.isRegularFile(envPath)) {
            shared.errors.add(
                new InputError(
                    file, envFile.start(), "env file " + envFile.value() + " not found"));
          }
          included = included.withFileBelow(envPath, display(file, envFile.value()));
        }
      }
    } catch (IOException | RuntimeException e) {
      shared.errors.add(
          new InputError(
              file,
              item.start(),
              "cannot read the included project's env file: " + e.getMessage()));
    }
    if (shared.including.size() >= MAX_INCLUDE_DEPTH) {
      shared.errors.add(
          new InputError(
              file, item.start(), "include: nested more than " + MAX_INCLUDE_DEPTH + " deep"));
      return Map.of();
    }
    ComposeReader child = new ComposeReader(shared, included);
    List<Document> documents = new ArrayList<>();
    for (ScalarNode path : paths) {
      Path target = dir.resolve(path.value()).toAbsolutePath().normalize();
      if (shared.including.contains(target)) {
        List<String> cycle = new ArrayList<>();
        shared
            .including
            .descendingIterator()
            .forEachRemaining(p -> cycle.add(p.getFileName().toString()));
        cycle.add(target.getFileName().toString());
        shared.errors.add(
            new InputError(
                file,
                path.start(),
                "include cycle: "
                    + String.join(
                        " -> ",
                        cycle.subList(
                            cycle.indexOf(target.getFileName().toString()), cycle.size()))));
        return Map.of();
      }
      Document loaded = child.load(display(file, path.value()), target, path.start());
      if (loaded != null) {
        documents.add(loaded);
      }
    }
    if (documents.isEmpty()) {
      return Map.of();
    }
    return child.resolvedServices(documents.get(0).origin().file(), documents);
  }

  /** A string or a list of strings; anything else is an error named {@code what}. */
  private List<ScalarNode> scalars(Node node, String file, String what) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node instanceof ScalarNode scalar) {
      return List.of(scalar);
    }
    List<ScalarNode> out = new ArrayList<>();
    if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.items()) {
        if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          out.add(scalar);
        } else {
          shared.errors.add(new InputError(file, item.start(), what + " must be a string"));
        }
      }
      return out;
    }
    shared.errors.add(new InputError(file, node.start(), what + " must be a string or a list"));
    return out;
  }

  /** {@code relative} as named from {@code file}'s directory, in the terms the user named it. */
  static String display(String file, String relative) {
    Path named = Path.of(relative);
    if (named.isAbsolute()) {
      return relative;
    }
    Path parent = Path.of(file).getParent();
    return (parent == null ? named : parent.resolve(named)).normalize().toString();
  }

  /**
   * The service {@code name} of {@code scope} with its {@code extends} chain merged in; problems
   * with the chain are errors. {@code chain} holds the services being resolved, as {@code
   * file:service}, so that a cycle through other files is caught too.
   */
  @SuppressWarnings("ReferenceEquality") // the same file's scope, not an equal one
  private MappingNode resolve(Scope scope, String name, Deque<String> chain) {
    MappingNode done = scope.resolved().get(name);
    if (done != null) {
      return done;
    }
    MappingNode.Entry entry = scope.raw().get(name);
    MappingNode service = (MappingNode) entry.value();
    MappingNode.Entry extendsEntry = service.entry("extends");
    MappingNode result = service;
    if (extendsEntry != null) {
      String file = fileOf(extendsEntry.keyNode(), scope.file());
      Scope baseScope = scope;
      String base = baseOf(name, extendsEntry, file);
      Node otherFile =
          extendsEntry.value() instanceof MappingNode mapping ? mapping.get("file") : null;
      if (base != null && otherFile instanceof ScalarNode fileName && !fileName.isNull()) {
        baseScope = scopeOf(fileName, file);
      }
      String here = scope.file() + ":" + name;
      String there = baseScope == null ? null : baseScope.file() + ":" + base;
      if (base == null || baseScope == null) {
        // already reported
      } else if (chain.contains(there) || there.equals(here)) {
        List<String> cycle = new ArrayList<>(chain.reversed());
        cycle.add(here);
        cycle.add(there);
        List<String> links = cycle.subList(cycle.indexOf(there), cycle.size());
        String prefix = scope.file() + ":";
        // Within one file the services are named alone, as Compose names them.
        String loop =
            links.stream().allMatch(link -> link.startsWith(prefix))
                ? String.join(" -> ", links).replace(prefix, "")
                : String.join(" -> ", links);
        shared.errors.add(
            new InputError(
                file, extendsEntry.keyNode().start(), "circular reference with extends: " + loop));
      } else if (!baseScope.raw().containsKey(base)) {
        shared.errors.add(
            new InputError(
                file,
                extendsEntry.value().start(),
                "cannot extend service \""
                    + base
                    + "\": no such service in "
                    + (baseScope == scope ? "this file" : baseScope.file())));
      } else {
        chain.push(here);
        MappingNode baseService = resolve(baseScope, base, chain);
        chain.pop();
        result = ServiceMerge.merge(baseService, service, shared.origins);
      }
    }
    scope.resolved().put(name, result);
    return result;
  }

  private String fileOf(Node node, String fallback) {
    NodeOrigins.Origin origin = shared.origins.of(node);
    return origin == null ? fallback : origin.file();
  }

  /**
   * The services of the file {@code extends: {file: ...}} names, relative to the file that names
   * it; null (with an error) when it cannot be read. Each file is read once per project.
   */
  private Scope scopeOf(ScalarNode fileName, String file) {
    NodeOrigins.Origin origin = shared.origins.of(fileName);
    Path dir = origin == null ? null : origin.dir();
    Path target = dir.resolve(fileName.value()).toAbsolutePath().normalize();
    String key = target.toString();
    if (shared.extendedFiles.containsKey(key)) {
      return shared.extendedFiles.get(key);
    }
    shared.extendedFiles.put(key, null);
    Document document = load(display(file, fileName.value()), target, fileName.start());
    Scope scope =
        document == null ? null : new Scope(document.origin().file(), servicesOf(document));
    shared.extendedFiles.put(key, scope);
    return scope;
  }

  /**
   * The service named by {@code extends: name} or {@code extends: {service: name, file: f}}; null
   * otherwise (with a warning when the file cannot be followed, an error when nothing is named).
   */
  private String baseOf(String name, MappingNode.Entry extendsEntry, String file) {
    Node value = extendsEntry.value();
    if (value instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.value();
    }
    if (value instanceof MappingNode mapping) {
      Node otherFile = mapping.get("file");
      if (otherFile instanceof ScalarNode fileName
          && !fileName.isNull()
          && (shared.origins.of(fileName) == null || shared.origins.of(fileName).dir() == null)) {
        shared.extendsWarnings.put(
            name,
            new FieldProblem(
                FieldPath.of("extends", "file"),
                "extends from \""
                    + fileName.value()
                    + "\" is not followed when the file is read from standard input; what it adds"
                    + " is not checked"));
        return null;
      }
      if (mapping.get("service") instanceof ScalarNode service && !service.isNull()) {
        return service.value();
      }
    }
    shared.errors.add(
        new InputError(
            file, value.start(), "extends must name a service: NAME or {service: NAME}"));
    return null;
  }
}
