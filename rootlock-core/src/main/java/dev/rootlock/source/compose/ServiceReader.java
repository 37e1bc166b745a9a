package dev.rootlock.source.compose;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Locator;
import dev.rootlock.model.Position;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.docker.ByteSize;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerField;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import java.util.List;
import java.util.Map;

/**
 * Reads one Compose service (merge keys and {@code extends} already applied) into a {@link
 * DockerObject}: every syntax Compose accepts for the fields rootlock checks, each value with the
 * path it is written at, relative to the service.
 */
final class ServiceReader {

  private final MappingNode service;
  private final ComposeValues values;
  private final ContainerConfig.Builder b;

  private final Map<String, String> envFileVariables;

  private ServiceReader(
      String name,
      MappingNode service,
      Map<Node, Interpolation.Result> traces,
      Map<String, String> envFileVariables) {
    this.service = service;
    this.envFileVariables = envFileVariables;
    this.values = new ComposeValues(traces);
    this.b = ContainerConfig.builder(DockerDialect.COMPOSE, name);
  }

  /**
   * Reads {@code service}, written under the key {@code key} of {@code file}'s services; {@code
   * origins} says which file each of its nodes was written in (it may be assembled from several),
   * and {@code envFileVariables} are what its {@code env_file}s set.
   */
  static DockerObject read(
      String file,
      ScalarNode key,
      MappingNode service,
      Map<Node, Interpolation.Result> traces,
      NodeOrigins origins,
      Map<String, String> envFileVariables) {
    ServiceReader reader = new ServiceReader(key.value(), service, traces, envFileVariables);
    reader.read();
    return new DockerObject(
        new SourceRef(file, key.start()),
        reader.b.build(),
        reader.values.problems,
        reader.values.warnings,
        new ServiceLocator(file, key.start(), service, origins));
  }

  /**
   * Positions by path, with anything the service does not write placed at the service's key (where
   * a fix would add it) rather than at its first field; a field written in another file (an
   * override, an extended or included file) is placed there, and a value that a variable from an
   * env file alone decided is placed at that variable's line.
   */
  private record ServiceLocator(String file, Position key, MappingNode service, NodeOrigins origins)
      implements Locator {

    @Override
    public Position locate(FieldPath path) {
      return place(path).position();
    }

    @Override
    public String fileOf(FieldPath path) {
      String placed = place(path).file();
      return placed.equals(file) ? null : placed;
    }

    private NodeOrigins.Place place(FieldPath path) {
      if (path.isRoot()
          || !(path.segments().get(0) instanceof String field)
          || service.get(field) == null) {
        return new NodeOrigins.Place(file, key);
      }
      Node node = service;
      Node found = service;
      boolean whole = true;
      for (Object segment : path.segments()) {
        if (segment instanceof String name && node instanceof MappingNode mapping) {
          MappingNode.Entry entry = mapping.entry(name);
          if (entry == null) {
            whole = false;
            break;
          }
          found = entry.keyNode();
          node = entry.value();
        } else if (segment instanceof Integer index
            && node instanceof SequenceNode sequence
            && index >= 0
            && index < sequence.items().size()) {
          node = sequence.items().get(index);
          found = node;
        } else {
          whole = false;
          break;
        }
      }
      NodeOrigins.Place fromEnvFile = whole && origins != null ? origins.placeOf(node) : null;
      if (fromEnvFile != null) {
        return fromEnvFile;
      }
      NodeOrigins.Origin origin = origins == null ? null : origins.of(found);
      return new NodeOrigins.Place(origin == null ? file : origin.file(), found.start());
    }
  }

  private void read() {
    b.image = values.string(service.get("image"), FieldPath.of("image"));
    b.readOnly = values.bool(get(DockerField.READ_ONLY), DockerField.READ_ONLY.path());
    b.privileged = values.bool(get(DockerField.PRIVILEGED), DockerField.PRIVILEGED.path());
    b.user = values.string(get(DockerField.USER), DockerField.USER.path());
    b.networkMode = values.string(get(DockerField.NETWORK_MODE), DockerField.NETWORK_MODE.path());
    b.pid = values.string(get(DockerField.PID), DockerField.PID.path());
    b.ipc = values.string(get(DockerField.IPC), DockerField.IPC.path());
    b.uts = values.string(get(DockerField.UTS), DockerField.UTS.path());
    b.usernsMode = values.string(get(DockerField.USERNS_MODE), DockerField.USERNS_MODE.path());
    capabilities(DockerField.CAP_ADD, "CapAdd", b.capAdd);
    capabilities(DockerField.CAP_DROP, "CapDrop", b.capDrop);
    for (ComposeValues.Item item : list(DockerField.SECURITY_OPT, false)) {
      b.securityOpts.add(SecurityOpt.parse(item.value(), item.path()));
    }
    for (ComposeValues.Item item : list(DockerField.TMPFS, true)) {
      b.tmpfs.add(TmpfsMount.parse(item.value(), item.path()));
    }
    volumes();
    devices();
    b.pathEnv = pathEnv();
    exempt();
  }

  /**
   * {@code x-rootlock: {exempt: "<check>[,<check>]: reason"}} (or a list of such lines): the
   * service's own exemptions, in the form of the {@code rootlock.dev/exempt} annotation. Compose
   * ignores {@code x-} keys, so the file stays valid for it.
   */
  private void exempt() {
    Node extension = service.get("x-rootlock");
    FieldPath at = FieldPath.of("x-rootlock");
    if (extension == null) {
      return;
    }
    // Compose ignores x- keys whatever they hold, so a malformed one never makes the service
    // invalid; it is a warning that names the field, and exempts nothing.
    if (!(extension instanceof MappingNode mapping)) {
      values.warnings.add(new FieldProblem(at, "must be a mapping; no exemption read"));
      return;
    }
    Node exempt = mapping.get("exempt");
    if (exempt instanceof ScalarNode line) {
      b.exempt.add(line.value());
    } else if (exempt instanceof SequenceNode lines) {
      for (int i = 0; i < lines.items().size(); i++) {
        if (lines.items().get(i) instanceof ScalarNode line) {
          b.exempt.add(line.value());
        } else {
          values.warnings.add(
              new FieldProblem(at.key("exempt").index(i), "must be a string; no exemption read"));
        }
      }
    } else if (exempt != null) {
      values.warnings.add(
          new FieldProblem(
              at.key("exempt"), "must be a string or a list of strings; no exemption read"));
    }
  }

  /** The entries the engine accepts; the others are problems worded as the engine words them. */
  private void capabilities(DockerField field, String engineField, List<Capability> into) {
    for (ComposeValues.Item item : list(field, false)) {
      Capability capability = new Capability(item.value(), item.path());
      if (capability.isKnown()) {
        into.add(capability);
      } else {
        values.problems.add(
            new FieldProblem(
                item.path(),
                "invalid "
                    + engineField
                    + ": unknown capability: \""
                    + capability.withPrefix()
                    + "\""));
      }
    }
  }

  private Node get(DockerField field) {
    return service.get(field.composeKey());
  }

  private List<ComposeValues.Item> list(DockerField field, boolean stringAllowed) {
    return values.strings(get(field), field.path(), stringAllowed);
  }

  private void volumes() {
    FieldPath path = DockerField.VOLUMES.path();
    Node node = get(DockerField.VOLUMES);
    if (node == null || node.isNull()) {
      return;
    }
    if (!(node instanceof SequenceNode sequence)) {
      values.problems.add(new FieldProblem(path, "must be a list"));
      return;
    }
    for (int i = 0; i < sequence.items().size(); i++) {
      Node item = sequence.items().get(i);
      FieldPath at = path.index(i);
      if (item instanceof ScalarNode scalar && scalar.type() == ScalarType.STRING) {
        values.trace(scalar, at);
        try {
          b.mounts.add(Mount.parseShortSyntax(scalar.value(), at));
        } catch (IllegalArgumentException e) {
          values.problems.add(new FieldProblem(at, values.explained(scalar, e.getMessage())));
        }
      } else if (item instanceof MappingNode mapping) {
        longVolume(mapping, at);
      } else {
        values.problems.add(new FieldProblem(at, "must be a string or a mapping"));
      }
    }
  }

  /**
   * {@code - type: bind|volume|tmpfs|... source: ... target: ... read_only: ... tmpfs: {size,
   * mode}}.
   */
  private void longVolume(MappingNode volume, FieldPath at) {
    String type = values.string(volume.get("type"), at.key("type"));
    String source = values.string(volume.get("source"), at.key("source"));
    String target = values.string(volume.get("target"), at.key("target"));
    boolean readOnly =
        Boolean.TRUE.equals(values.bool(volume.get("read_only"), at.key("read_only")));
    if (type == null) {
      values.problems.add(new FieldProblem(at.key("type"), "is required"));
      return;
    }
    if (target == null) {
      values.problems.add(new FieldProblem(at.key("target"), "is required"));
      return;
    }
    if (type.equals("tmpfs")) {
      MappingNode options = values.mapping(volume.get("tmpfs"), at.key("tmpfs"));
      String size =
          options == null ? null : values.string(options.get("size"), at.keys("tmpfs", "size"));
      if (size != null && ByteSize.parseRam(size).isEmpty()) {
        values.problems.add(new FieldProblem(at.keys("tmpfs", "size"), "invalid size: " + size));
        size = null;
      }
      String mode = options == null ? null : modeOf(options.get("mode"));
      b.tmpfs.add(TmpfsMount.ofLongSyntax(target, size, mode, readOnly, at));
      return;
    }
    MountType mountType =
        switch (type) {
          case "bind" -> MountType.BIND;
          case "volume" -> MountType.VOLUME;
          case "npipe" -> MountType.NPIPE;
          case "cluster" -> MountType.CLUSTER;
          case "image" -> MountType.IMAGE;
          default -> null;
        };
    if (mountType == null) {
      values.problems.add(new FieldProblem(at.key("type"), "unknown volume type: " + type));
      return;
    }
    b.mounts.add(new Mount(mountType, source, target, readOnly, at));
  }

  /**
   * A mode as written ({@code 1777}, {@code 0o1777}), not as the YAML integer it may resolve to.
   */
  private static String modeOf(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isNull()
        ? scalar.style().isQuoted() ? scalar.value() : scalar.raw()
        : null;
  }

  /**
   * {@code devices}: strings {@code HOST[:CONTAINER[:PERMISSIONS]]} or {@code {source, target,
   * permissions}}.
   */
  private void devices() {
    FieldPath path = DockerField.DEVICES.path();
    Node node = get(DockerField.DEVICES);
    if (node instanceof SequenceNode sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        Node item = sequence.items().get(i);
        FieldPath at = path.index(i);
        if (item instanceof MappingNode mapping) {
          StringBuilder spec = new StringBuilder();
          for (String key : List.of("source", "target", "permissions")) {
            String part = values.string(mapping.get(key), at.key(key));
            if (part != null) {
              spec.append(spec.isEmpty() ? "" : ":").append(part);
            }
          }
          b.devices.add(new Device(spec.toString(), at));
        } else if (item instanceof ScalarNode scalar && !scalar.isNull()) {
          b.devices.add(new Device(scalar.value(), at));
        } else {
          values.problems.add(new FieldProblem(at, "must be a string or a mapping"));
        }
      }
    } else if (node != null && !node.isNull()) {
      values.problems.add(new FieldProblem(path, "must be a list"));
    }
  }

  /**
   * {@code PATH} from {@code environment}, written as a mapping or as a list of {@code KEY=VALUE},
   * or else from the service's {@code env_file}s.
   */
  private String pathEnv() {
    String written = writtenPathEnv();
    return written != null ? written : envFileVariables.get("PATH");
  }

  private String writtenPathEnv() {
    Node node = get(DockerField.ENVIRONMENT);
    if (node instanceof MappingNode mapping) {
      Node value = mapping.get("PATH");
      return value instanceof ScalarNode scalar && !scalar.isNull() ? scalar.value() : null;
    }
    if (node instanceof SequenceNode sequence) {
      String path = null;
      for (Node item : sequence.items()) {
        if (item instanceof ScalarNode scalar
            && scalar.value() != null
            && scalar.value().startsWith("PATH=")) {
          path = scalar.value().substring("PATH=".length());
        }
      }
      return path;
    }
    return null;
  }
}
