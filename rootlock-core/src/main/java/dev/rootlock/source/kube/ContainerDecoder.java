package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one entry of {@code initContainers}, {@code containers} or {@code ephemeralContainers}.
 */
final class ContainerDecoder {

  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> LIFECYCLE_HANDLERS = List.of("postStart", "preStop");
  private static final List<String> HOST_ACTIONS = List.of("httpGet", "tcpSocket");

  private final FieldReader reader;
  private final SecurityContextDecoder securityContexts;

  ContainerDecoder(FieldReader reader) {
    this.reader = reader;
    this.securityContexts = new SecurityContextDecoder(reader);
  }

  /** The container, or null when the entry is not a mapping (recorded as a problem). */
  Container decode(Node node, ContainerKind kind, int index, FieldPath path) {
    MappingNode container = reader.mapping(node, path);
    if (container == null) {
      return null;
    }
    FieldPath contextPath = path.key("securityContext");
    MappingNode context = reader.mapping(container.get("securityContext"), contextPath);
    return new Container(
        kind,
        index,
        reader.requiredString(container.get("name"), path.key("name"), true),
        reader.string(container.get("image"), path.key("image")),
        securityContexts.container(context, contextPath),
        context != null,
        ports(container, path.key("ports")),
        volumeMounts(container, path.key("volumeMounts")),
        probeHosts(container, path),
        memoryLimit(container, path.key("resources")));
  }

  private List<ContainerPort> ports(MappingNode container, FieldPath path) {
    List<ContainerPort> ports = new ArrayList<>();
    List<Node> items = reader.sequence(container.get("ports"), path);
    for (int i = 0; i < items.size(); i++) {
      FieldPath itemPath = path.index(i);
      MappingNode port = reader.mapping(items.get(i), itemPath);
      if (port != null) {
        ports.add(
            new ContainerPort(
                reader.int32(port.get("containerPort"), itemPath.key("containerPort")),
                reader.int32(port.get("hostPort"), itemPath.key("hostPort"))));
      }
    }
    return ports;
  }

  private List<VolumeMount> volumeMounts(MappingNode container, FieldPath path) {
    List<VolumeMount> mounts = new ArrayList<>();
    List<Node> items = reader.sequence(container.get("volumeMounts"), path);
    for (int i = 0; i < items.size(); i++) {
      FieldPath itemPath = path.index(i);
      MappingNode mount = reader.mapping(items.get(i), itemPath);
      if (mount != null) {
        mounts.add(
            new VolumeMount(
                reader.requiredString(mount.get("name"), itemPath.key("name"), true),
                reader.requiredString(mount.get("mountPath"), itemPath.key("mountPath"), true),
                reader.bool(mount.get("readOnly"), itemPath.key("readOnly")),
                reader.string(mount.get("subPath"), itemPath.key("subPath"))));
      }
    }
    return mounts;
  }

  /** Non-empty hosts of probes, then of lifecycle hooks, in the API's field order. */
  private List<ProbeHost> probeHosts(MappingNode container, FieldPath path) {
    List<ProbeHost> hosts = new ArrayList<>();
    for (String probe : PROBES) {
      addHosts(hosts, container.get(probe), probe, path.key(probe));
    }
    MappingNode lifecycle = reader.mapping(container.get("lifecycle"), path.key("lifecycle"));
    if (lifecycle != null) {
      for (String hook : LIFECYCLE_HANDLERS) {
        addHosts(hosts, lifecycle.get(hook), "lifecycle." + hook, path.keys("lifecycle", hook));
      }
    }
    return hosts;
  }

  private void addHosts(List<ProbeHost> hosts, Node node, String name, FieldPath path) {
    MappingNode handler = reader.mapping(node, path);
    if (handler == null) {
      return;
    }
    for (String action : HOST_ACTIONS) {
      MappingNode target = reader.mapping(handler.get(action), path.key(action));
      if (target != null) {
        String host = reader.string(target.get("host"), path.keys(action, "host"));
        if (host != null && !host.isEmpty()) {
          hosts.add(new ProbeHost(name + "." + action, host));
        }
      }
    }
  }

  private String memoryLimit(MappingNode container, FieldPath path) {
    MappingNode resources = reader.mapping(container.get("resources"), path);
    if (resources == null) {
      return null;
    }
    MappingNode limits = reader.mapping(resources.get("limits"), path.key("limits"));
    return limits == null
        ? null
        : reader.quantity(limits.get("memory"), path.keys("limits", "memory"));
  }
}
