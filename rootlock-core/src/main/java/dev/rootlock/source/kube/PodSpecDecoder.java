package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Position;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.source.tree.CollectionStyle;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import java.util.ArrayList;
import java.util.List;

/** Decodes a pod spec: containers, pod securityContext, host namespaces, OS and volumes. */
final class PodSpecDecoder {

  /** Stands in for an absent spec, so that it reads as a spec with nothing set. */
  private static final MappingNode EMPTY =
      new MappingNode(List.of(), CollectionStyle.FLOW, Position.START, Position.START);

  private final FieldReader reader;
  private final ContainerDecoder containers;
  private final SecurityContextDecoder securityContexts;

  PodSpecDecoder(FieldReader reader) {
    this.reader = reader;
    this.containers = new ContainerDecoder(reader);
    this.securityContexts = new SecurityContextDecoder(reader);
  }

  /** The spec at {@code path}; an absent spec reads as an empty one. */
  PodSpec decode(Node node, FieldPath path) {
    MappingNode spec = reader.mapping(node, path);
    if (spec == null) {
      spec = EMPTY;
    }
    FieldPath contextPath = path.key("securityContext");
    MappingNode context = reader.mapping(spec.get("securityContext"), contextPath);
    PodSecurityContext securityContext = securityContexts.pod(context, contextPath);
    MappingNode os = reader.mapping(spec.get("os"), path.key("os"));
    return new PodSpec(
        containers(spec, ContainerKind.INIT, path),
        containers(spec, ContainerKind.REGULAR, path),
        containers(spec, ContainerKind.EPHEMERAL, path),
        securityContext,
        context != null,
        reader.bool(spec.get("hostNetwork"), path.key("hostNetwork")),
        reader.bool(spec.get("hostPID"), path.key("hostPID")),
        reader.bool(spec.get("hostIPC"), path.key("hostIPC")),
        reader.bool(spec.get("hostUsers"), path.key("hostUsers")),
        os == null ? null : reader.string(os.get("name"), path.keys("os", "name")),
        reader.string(spec.get("runtimeClassName"), path.key("runtimeClassName")),
        volumes(spec, path.key("volumes")));
  }

  private List<Container> containers(MappingNode spec, ContainerKind kind, FieldPath specPath) {
    FieldPath path = specPath.key(kind.field());
    List<Node> items = reader.sequence(spec.get(kind.field()), path);
    List<Container> decoded = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Container container = containers.decode(items.get(i), kind, i, path.index(i));
      if (container != null) {
        decoded.add(container);
      }
    }
    return decoded;
  }

  /**
   * Volumes. A volume's sources are its keys other than {@code name} whose value is not null (a
   * null source is no source to the API server, which then defaults the volume to emptyDir).
   */
  private List<Volume> volumes(MappingNode spec, FieldPath path) {
    List<Volume> volumes = new ArrayList<>();
    List<Node> items = reader.sequence(spec.get("volumes"), path);
    for (int i = 0; i < items.size(); i++) {
      FieldPath itemPath = path.index(i);
      MappingNode volume = reader.mapping(items.get(i), itemPath);
      if (volume == null) {
        continue;
      }
      List<String> sources = new ArrayList<>();
      for (MappingNode.Entry entry : volume.fields().values()) {
        if (!entry.key().equals("name") && FieldReader.isSet(entry.value())) {
          sources.add(entry.key());
        }
      }
      MappingNode emptyDir = reader.mapping(volume.get("emptyDir"), itemPath.key("emptyDir"));
      volumes.add(
          new Volume(
              i,
              reader.requiredString(volume.get("name"), itemPath.key("name"), true),
              sources,
              emptyDir == null ? null : emptyDir(emptyDir, itemPath.key("emptyDir")),
              hostPath(volume.get("hostPath"))));
    }
    return volumes;
  }

  /**
   * {@code hostPath.path} when it is a string, else null. Read quietly: baseline already fails any
   * hostPath, and a wrongly typed one is the API server's to reject, not a new problem to report.
   */
  private static String hostPath(Node hostPath) {
    return hostPath instanceof MappingNode mapping
            && mapping.get("path") instanceof ScalarNode path
            && path.type() == ScalarType.STRING
        ? path.value()
        : null;
  }

  private EmptyDir emptyDir(MappingNode emptyDir, FieldPath path) {
    return new EmptyDir(
        reader.string(emptyDir.get("medium"), path.key("medium")),
        reader.quantity(emptyDir.get("sizeLimit"), path.key("sizeLimit")));
  }
}
