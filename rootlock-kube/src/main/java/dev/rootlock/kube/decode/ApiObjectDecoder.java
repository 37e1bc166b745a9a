package dev.rootlock.kube.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.WorkloadKind;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.ContainerPort;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.ObjectMeta;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.ProbeHost;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.Sysctl;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.model.pod.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes one object as the API server returns it (JSON, already validated and defaulted, unknown
 * fields pruned) into rootlock's model, straight from Jackson's tree. It reads the same fields with
 * the same meaning as the manifest reader in {@code dev.rootlock.source}; {@code
 * ApiObjectDecoderTest} holds the two to the same results.
 */
final class ApiObjectDecoder {

  private static final Set<String> CONTAINER_CONTEXT_FIELDS =
      Set.of(
          "privileged",
          "allowPrivilegeEscalation",
          "readOnlyRootFilesystem",
          "runAsNonRoot",
          "runAsUser",
          "runAsGroup",
          "capabilities",
          "seccompProfile",
          "seLinuxOptions",
          "appArmorProfile",
          "windowsOptions",
          "procMount");
  private static final Set<String> POD_CONTEXT_FIELDS =
      Set.of(
          "runAsNonRoot",
          "runAsUser",
          "runAsGroup",
          "fsGroup",
          "seccompProfile",
          "seLinuxOptions",
          "appArmorProfile",
          "windowsOptions",
          "sysctls",
          "supplementalGroups",
          "supplementalGroupsPolicy",
          "fsGroupChangePolicy",
          "seLinuxChangePolicy");
  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> LIFECYCLE_HANDLERS = List.of("postStart", "preStop");
  private static final List<String> HANDLER_KINDS = List.of("httpGet", "tcpSocket");

  private ApiObjectDecoder() {}

  /**
   * The workload of {@code object}, a {@code kind} item of a list (list items carry no kind of
   * their own), named {@code source} in reports.
   */
  static Workload decode(ApiKind kind, JsonNode object, SourceRef source) {
    return decode(kind.row(), object, source);
  }

  /** The workload of {@code object}, a {@code kind} of the workload table. */
  static Workload decode(WorkloadKind kind, JsonNode object, SourceRef source) {
    ObjectMeta meta = meta(object.path("metadata"));
    FieldPath templatePath = kind.templatePath();
    JsonNode template = at(object, templatePath);
    Pod pod = null;
    if (templatePath.isRoot()) {
      pod = new Pod(meta, spec(object.path("spec")));
    } else if (template.isObject()) {
      pod = new Pod(meta(template.path("metadata")), spec(template.path("spec")));
    }
    String apiVersion = kind.preferredApiVersion();
    if (apiVersion == null) { // a user's mapping: any version; keep the object's own
      apiVersion = text(object, "apiVersion");
    }
    return new Workload(
        source,
        apiVersion,
        kind.kind(),
        meta,
        templatePath,
        pod,
        RequiredFields.of(object, templatePath),
        Locator.NONE);
  }

  private static JsonNode at(JsonNode node, FieldPath path) {
    JsonNode current = node;
    for (Object segment : path.segments()) {
      current = current.path((String) segment);
    }
    return current;
  }

  static ObjectMeta meta(JsonNode meta) {
    if (!meta.isObject()) {
      return ObjectMeta.EMPTY;
    }
    return new ObjectMeta(
        text(meta, "name"),
        text(meta, "namespace"),
        strings(meta.path("labels")),
        strings(meta.path("annotations")));
  }

  private static PodSpec spec(JsonNode spec) {
    JsonNode context = spec.path("securityContext");
    return new PodSpec(
        containers(spec.path("initContainers"), ContainerKind.INIT),
        containers(spec.path("containers"), ContainerKind.REGULAR),
        containers(spec.path("ephemeralContainers"), ContainerKind.EPHEMERAL),
        context.isObject() ? podContext(context) : PodSecurityContext.EMPTY,
        context.isObject(),
        bool(spec, "hostNetwork"),
        bool(spec, "hostPID"),
        bool(spec, "hostIPC"),
        bool(spec, "hostUsers"),
        text(spec.path("os"), "name"),
        text(spec, "runtimeClassName"),
        volumes(spec.path("volumes")));
  }

  private static PodSecurityContext podContext(JsonNode context) {
    Fields fields = new Fields(context);
    return new PodSecurityContext(
        fields.bool("runAsNonRoot"),
        fields.number("runAsUser"),
        fields.number("runAsGroup"),
        fields.number("fsGroup"),
        fields.seccomp(),
        fields.seLinux(),
        fields.appArmor(),
        fields.windows(),
        fields.sysctls(),
        fields.unrecognized(POD_CONTEXT_FIELDS));
  }

  private static List<Container> containers(JsonNode list, ContainerKind kind) {
    List<Container> containers = new ArrayList<>();
    int index = 0;
    for (JsonNode container : list) {
      containers.add(container(container, kind, index++));
    }
    return containers;
  }

  private static Container container(JsonNode container, ContainerKind kind, int index) {
    JsonNode context = container.path("securityContext");
    List<ContainerPort> ports = new ArrayList<>();
    for (JsonNode port : container.path("ports")) {
      ports.add(new ContainerPort(integer(port, "containerPort"), integer(port, "hostPort")));
    }
    List<VolumeMount> mounts = new ArrayList<>();
    for (JsonNode mount : container.path("volumeMounts")) {
      mounts.add(
          new VolumeMount(
              name(mount, "name"),
              name(mount, "mountPath"),
              bool(mount, "readOnly"),
              text(mount, "subPath")));
    }
    return new Container(
        kind,
        index,
        name(container, "name"),
        text(container, "image"),
        context.isObject() ? containerContext(context) : SecurityContext.EMPTY,
        context.isObject(),
        ports,
        mounts,
        probeHosts(container),
        text(container.path("resources").path("limits"), "memory"));
  }

  private static List<ProbeHost> probeHosts(JsonNode container) {
    List<ProbeHost> hosts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : container.properties()) {
      if (PROBES.contains(field.getKey())) {
        addHosts(hosts, field.getKey(), field.getValue());
      } else if ("lifecycle".equals(field.getKey())) {
        for (Map.Entry<String, JsonNode> handler : field.getValue().properties()) {
          if (LIFECYCLE_HANDLERS.contains(handler.getKey())) {
            addHosts(hosts, "lifecycle." + handler.getKey(), handler.getValue());
          }
        }
      }
    }
    return hosts;
  }

  private static void addHosts(List<ProbeHost> hosts, String prefix, JsonNode handler) {
    for (Map.Entry<String, JsonNode> kind : handler.properties()) {
      String host = text(kind.getValue(), "host");
      if (HANDLER_KINDS.contains(kind.getKey()) && host != null && !host.isEmpty()) {
        hosts.add(new ProbeHost(prefix + "." + kind.getKey(), host));
      }
    }
  }

  private static SecurityContext containerContext(JsonNode context) {
    Fields fields = new Fields(context);
    return new SecurityContext(
        fields.bool("privileged"),
        fields.bool("allowPrivilegeEscalation"),
        fields.bool("readOnlyRootFilesystem"),
        fields.bool("runAsNonRoot"),
        fields.number("runAsUser"),
        fields.number("runAsGroup"),
        fields.capabilities(),
        fields.seccomp(),
        fields.seLinux(),
        fields.appArmor(),
        fields.windows(),
        fields.text("procMount"),
        fields.unrecognized(CONTAINER_CONTEXT_FIELDS));
  }

  private static List<Volume> volumes(JsonNode list) {
    List<Volume> volumes = new ArrayList<>();
    int index = 0;
    for (JsonNode volume : list) {
      List<String> sources = new ArrayList<>();
      volume
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!"name".equals(name)) {
                  sources.add(name);
                }
              });
      JsonNode emptyDir = volume.path("emptyDir");
      EmptyDir dir =
          emptyDir.isObject()
              ? new EmptyDir(text(emptyDir, "medium"), text(emptyDir, "sizeLimit"))
              : null;
      JsonNode hostPath = volume.path("hostPath");
      volumes.add(
          new Volume(
              index++,
              name(volume, "name"),
              sources,
              dir,
              hostPath.isObject() ? text(hostPath, "path") : null));
    }
    return volumes;
  }

  /**
   * One securityContext's fields. As in the manifest reader, a known field whose value has the
   * wrong type (a quoted {@code "true"}) is kept in {@code unrecognized} as its JSON text, next to
   * the unknown keys: the API server rejects such objects, but a check still reports them.
   */
  private static final class Fields {
    private final JsonNode context;
    private final Map<String, String> unrecognized = new LinkedHashMap<>();

    Fields(JsonNode context) {
      this.context = context;
    }

    Boolean bool(String field) {
      return keepIfWrong(field, context.get(field), ApiObjectDecoder.bool(context, field));
    }

    Long number(String field) {
      return keepIfWrong(field, context.get(field), ApiObjectDecoder.number(context, field));
    }

    String text(String field) {
      return keepIfWrong(field, context.get(field), ApiObjectDecoder.text(context, field));
    }

    private String text(JsonNode object, String objectField, String field) {
      return keepIfWrong(
          objectField + "." + field, object.get(field), ApiObjectDecoder.text(object, field));
    }

    private JsonNode object(String field) {
      JsonNode node = context.get(field);
      return keepIfWrong(field, node, node != null && node.isObject() ? node : null);
    }

    Capabilities capabilities() {
      JsonNode capabilities = object("capabilities");
      if (capabilities == null) {
        return null;
      }
      return new Capabilities(
          capabilityList(capabilities, "add"), capabilityList(capabilities, "drop"));
    }

    private List<String> capabilityList(JsonNode capabilities, String field) {
      JsonNode node = capabilities.get(field);
      keepIfNotArray("capabilities." + field, node);
      return node != null && node.isArray() ? list(node) : List.of();
    }

    SeccompProfile seccomp() {
      JsonNode node = object("seccompProfile");
      return node == null
          ? null
          : new SeccompProfile(
              text(node, "seccompProfile", "type"),
              text(node, "seccompProfile", "localhostProfile"));
    }

    AppArmorProfile appArmor() {
      JsonNode node = object("appArmorProfile");
      return node == null
          ? null
          : new AppArmorProfile(
              text(node, "appArmorProfile", "type"),
              text(node, "appArmorProfile", "localhostProfile"));
    }

    SeLinuxOptions seLinux() {
      JsonNode node = object("seLinuxOptions");
      return node == null
          ? null
          : new SeLinuxOptions(
              text(node, "seLinuxOptions", "user"),
              text(node, "seLinuxOptions", "role"),
              text(node, "seLinuxOptions", "type"),
              text(node, "seLinuxOptions", "level"));
    }

    WindowsOptions windows() {
      JsonNode node = object("windowsOptions");
      if (node == null) {
        return null;
      }
      return new WindowsOptions(
          keepIfWrong(
              "windowsOptions.hostProcess",
              node.get("hostProcess"),
              ApiObjectDecoder.bool(node, "hostProcess")));
    }

    List<Sysctl> sysctls() {
      JsonNode node = context.get("sysctls");
      keepIfNotArray("sysctls", node);
      List<Sysctl> sysctls = new ArrayList<>();
      if (node != null && node.isArray()) {
        for (JsonNode sysctl : node) {
          if (sysctl.isObject()) {
            sysctls.add(
                new Sysctl(
                    ApiObjectDecoder.name(sysctl, "name"), ApiObjectDecoder.text(sysctl, "value")));
          }
        }
      }
      return sysctls;
    }

    /** Unknown keys after the wrongly typed known ones, with their JSON text. */
    Map<String, String> unrecognized(Set<String> known) {
      context
          .properties()
          .forEach(
              field -> {
                if (!known.contains(field.getKey())) {
                  unrecognized.put(field.getKey(), field.getValue().toString());
                }
              });
      return unrecognized;
    }

    private void keepIfNotArray(String name, JsonNode node) {
      if (isSet(node) && !node.isArray()) {
        unrecognized.put(name, node.toString());
      }
    }

    private <T> T keepIfWrong(String name, JsonNode node, T value) {
      if (value == null && isSet(node)) {
        unrecognized.put(name, node.toString());
      }
      return value;
    }
  }

  private static boolean isSet(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> values = new LinkedHashMap<>();
    map.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
    return values;
  }

  private static List<String> list(JsonNode node) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      values.add(item.asText());
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.textValue();
  }

  /**
   * A string the model promises: {@code ""} when absent or not a string, as the manifest reader
   * reads it (which also reports the wrong type). The API server never sends such an object, but a
   * client talking to the webhook directly can.
   */
  private static String name(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? "" : value;
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return (value == null || !value.isBoolean()) ? null : value.booleanValue();
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isIntegralNumber() || !value.canConvertToLong()
        ? null
        : value.longValue();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isIntegralNumber() ? null : value.intValue();
  }
}
