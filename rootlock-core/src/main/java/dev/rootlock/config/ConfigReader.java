package dev.rootlock.config;

import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.Position;
import dev.rootlock.policy.exempt.Exemption;
import dev.rootlock.policy.exempt.Glob;
import dev.rootlock.policy.exempt.Scope;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import dev.rootlock.source.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code .rootlock.yaml} with the project's own position-keeping YAML reader, so that every
 * error names the file, line, column and field. Strict: an unknown key, a wrong type, an unknown
 * check ID, an invalid glob or a date not written {@code YYYY-MM-DD} is an error, never ignored.
 * The schema is {@code docs/schema/rootlock-config.schema.json}.
 */
public final class ConfigReader {

  /** Bigger than any real config; a bound against hostile files. */
  private static final int MAX_BYTES = 1024 * 1024;

  private static final TreeLimits LIMITS = new TreeLimits(MAX_BYTES, 50, 10, 100_000);

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private static final Set<String> TOP_KEYS = Set.of("level", "version", "exemptions", "baseline");

  private static final Set<String> EXEMPTION_KEYS =
      Set.of("checks", "namespace", "kind", "name", "container", "image", "reason", "expires");

  private final String file;
  private final Set<String> knownChecks;

  private ConfigReader(String file, Set<String> knownChecks) {
    this.file = file;
    this.knownChecks = knownChecks;
  }

  /**
   * Reads {@code path}.
   *
   * @param knownChecks every check ID an exemption may name
   */
  public static RootlockConfig read(Path path, Set<String> knownChecks) throws ConfigException {
    String display = path.toString();
    byte[] bytes;
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new ConfigException(display, null, null, "larger than 1 MiB; not a config file");
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ConfigException(display, null, null, "cannot read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(display, null, null, "not UTF-8 text");
    }
    Path dir = path.toAbsolutePath().getParent();
    return new ConfigReader(display, knownChecks).parse(text, path, dir);
  }

  /**
   * Reads {@code text} as the contents of {@code file}; relative paths resolve against {@code dir}.
   */
  public static RootlockConfig parse(String file, String text, Path dir, Set<String> knownChecks)
      throws ConfigException {
    return new ConfigReader(file, knownChecks).parse(text, null, dir);
  }

  private RootlockConfig parse(String text, Path path, Path dir) throws ConfigException {
    Optional<Node> document;
    try {
      document =
          new YamlTreeReader(ConfigScalars.INSTANCE, LIMITS)
              .readFirst(text, 0, text.length(), new TextPositions(text));
    } catch (TreeException e) {
      throw new ConfigException(file, e.position(), null, e.getMessage());
    }
    if (document.isEmpty()
        || (document.get() instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL)) {
      return new RootlockConfig(path, null, null, List.of(), null);
    }
    MappingNode root = mapping(document.get(), "");
    checkKeys(root, TOP_KEYS, "");
    Level level = null;
    if (root.entry("level") != null) {
      ScalarNode node = string(root.get("level"), "level");
      try {
        level = Level.parse(node.value());
      } catch (IllegalArgumentException e) {
        throw error(node.start(), "level", e.getMessage());
      }
      if (level == Level.PRIVILEGED) {
        throw error(node.start(), "level", "must be baseline, restricted or hardened");
      }
    }
    PolicyVersion version = null;
    if (root.entry("version") != null) {
      ScalarNode node = string(root.get("version"), "version");
      try {
        version = PolicyVersion.parse(node.value());
      } catch (IllegalArgumentException e) {
        throw error(node.start(), "version", e.getMessage());
      }
    }
    Path baseline = null;
    if (root.entry("baseline") != null) {
      ScalarNode node = string(root.get("baseline"), "baseline");
      if (node.value().isEmpty()) {
        throw error(node.start(), "baseline", "must not be empty");
      }
      baseline = dir == null ? Path.of(node.value()) : dir.resolve(node.value()).normalize();
    }
    List<Exemption> exemptions = new ArrayList<>();
    if (root.entry("exemptions") != null) {
      Node list = root.get("exemptions");
      if (!(list instanceof SequenceNode sequence)) {
        if (list instanceof ScalarNode scalar && scalar.type() == ScalarType.NULL) {
          return new RootlockConfig(path, level, version, List.of(), baseline);
        }
        throw error(start(list), "exemptions", "must be a list, got " + typeName(list));
      }
      for (int i = 0; i < sequence.items().size(); i++) {
        exemptions.add(exemption(sequence.items().get(i), "exemptions[" + i + "]"));
      }
    }
    return new RootlockConfig(path, level, version, exemptions, baseline);
  }

  private Exemption exemption(Node node, String field) throws ConfigException {
    MappingNode map = mapping(node, field);
    checkKeys(map, EXEMPTION_KEYS, field + ".");
    if (map.entry("checks") == null) {
      throw error(map.start(), field + ".checks", "required: the check IDs it covers, or [\"*\"]");
    }
    if (map.entry("reason") == null) {
      throw error(map.start(), field + ".reason", "required: say why the finding is accepted");
    }
    Set<String> checks = checks(map.get("checks"), field + ".checks");
    ScalarNode reason = string(map.get("reason"), field + ".reason");
    if (reason.value().isBlank()) {
      throw error(reason.start(), field + ".reason", "must not be empty");
    }
    LocalDate expires = null;
    if (map.entry("expires") != null) {
      ScalarNode date = string(map.get("expires"), field + ".expires");
      expires = date(date, field + ".expires");
    }
    Scope scope =
        new Scope(
            glob(map, "namespace", field),
            glob(map, "kind", field),
            glob(map, "name", field),
            glob(map, "container", field),
            glob(map, "image", field));
    Position at = map.start();
    String source = file + ":" + at.line() + ":" + at.column();
    return new Exemption(checks, scope, reason.value(), expires, source);
  }

  private Set<String> checks(Node node, String field) throws ConfigException {
    if (!(node instanceof SequenceNode sequence)) {
      throw error(start(node), field, "must be a list of check IDs, got " + typeName(node));
    }
    if (sequence.items().isEmpty()) {
      throw error(sequence.start(), field, "must name at least one check (or \"*\")");
    }
    Set<String> checks = new LinkedHashSet<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      ScalarNode id = string(sequence.items().get(i), field + "[" + i + "]");
      if (!id.value().equals(Exemption.ALL_CHECKS) && !knownChecks.contains(id.value())) {
        throw error(
            id.start(),
            field + "[" + i + "]",
            "unknown check ID \"" + id.value() + "\" (see rootlock's docs/checks.md)");
      }
      checks.add(id.value());
    }
    return checks;
  }

  private LocalDate date(ScalarNode node, String field) throws ConfigException {
    if (!DATE.matcher(node.value()).matches()) {
      throw error(node.start(), field, "\"" + node.value() + "\" is not a date: write YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(node.value());
    } catch (DateTimeException e) {
      throw error(node.start(), field, "\"" + node.value() + "\" is not a date: no such day");
    }
  }

  private Glob glob(MappingNode map, String key, String field) throws ConfigException {
    if (map.entry(key) == null) {
      return null;
    }
    ScalarNode node = string(map.get(key), field + "." + key);
    try {
      return Glob.parse(node.value());
    } catch (IllegalArgumentException e) {
      throw error(node.start(), field + "." + key, e.getMessage());
    }
  }

  private void checkKeys(MappingNode map, Set<String> allowed, String prefix)
      throws ConfigException {
    for (MappingNode.Entry entry : map.entries()) {
      if (entry.merge() || !allowed.contains(entry.key())) {
        throw error(
            entry.keyNode().start(),
            prefix + entry.key(),
            "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
    }
  }

  private MappingNode mapping(Node node, String field) throws ConfigException {
    if (node instanceof MappingNode map) {
      return map;
    }
    throw error(start(node), field, "must be a mapping, got " + typeName(node));
  }

  private ScalarNode string(Node node, String field) throws ConfigException {
    if (node instanceof ScalarNode scalar && scalar.type() == ScalarType.STRING) {
      return scalar;
    }
    throw error(start(node), field, "must be a string, got " + typeName(node));
  }

  private static String typeName(Node node) {
    return switch (node) {
      case MappingNode map -> "a mapping";
      case SequenceNode list -> "a list";
      case ScalarNode scalar ->
          scalar.type().name().toLowerCase(java.util.Locale.ROOT) + " " + scalar.raw();
    };
  }

  private static Position start(Node node) {
    return switch (node) {
      case MappingNode map -> map.start();
      case SequenceNode list -> list.start();
      case ScalarNode scalar -> scalar.start();
    };
  }

  private ConfigException error(Position position, String field, String message) {
    return new ConfigException(file, position, field, message);
  }
}
