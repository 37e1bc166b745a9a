package dev.rootlock.source.kube;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.AppArmorProfile;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.PodSecurityContext;
import dev.rootlock.model.pod.SeLinuxOptions;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.model.pod.SecurityContext;
import dev.rootlock.model.pod.Sysctl;
import dev.rootlock.model.pod.WindowsOptions;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.SequenceNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a container's {@code securityContext} and a pod's {@code spec.securityContext}. Keys the
 * API does not know, and known fields whose value has the wrong type, are also kept in {@code
 * unrecognized} exactly as written: that is how a {@code readOnlyRootFilesystem} put under the
 * pod's securityContext (where Kubernetes ignores it) or a quoted {@code "true"} gets reported.
 */
final class SecurityContextDecoder {

  /** Every field of the API's SecurityContext (v1.35). */
  private static final Set<String> CONTAINER_FIELDS =
      Set.of(
          "capabilities",
          "privileged",
          "seLinuxOptions",
          "windowsOptions",
          "runAsUser",
          "runAsGroup",
          "runAsNonRoot",
          "readOnlyRootFilesystem",
          "allowPrivilegeEscalation",
          "procMount",
          "seccompProfile",
          "appArmorProfile");

  /** Every field of the API's PodSecurityContext (v1.35). */
  private static final Set<String> POD_FIELDS =
      Set.of(
          "seLinuxOptions",
          "windowsOptions",
          "runAsUser",
          "runAsGroup",
          "runAsNonRoot",
          "supplementalGroups",
          "supplementalGroupsPolicy",
          "fsGroup",
          "sysctls",
          "fsGroupChangePolicy",
          "seccompProfile",
          "appArmorProfile",
          "seLinuxChangePolicy");

  private final FieldReader reader;

  SecurityContextDecoder(FieldReader reader) {
    this.reader = reader;
  }

  /** A container's securityContext; {@link SecurityContext#EMPTY} when {@code context} is null. */
  SecurityContext container(MappingNode context, FieldPath path) {
    if (context == null) {
      return SecurityContext.EMPTY;
    }
    Fields fields = new Fields(context, path);
    return new SecurityContext(
        fields.bool("privileged"),
        fields.bool("allowPrivilegeEscalation"),
        fields.bool("readOnlyRootFilesystem"),
        fields.bool("runAsNonRoot"),
        fields.int64("runAsUser"),
        fields.int64("runAsGroup"),
        fields.capabilities(),
        fields.seccompProfile(),
        fields.seLinuxOptions(),
        fields.appArmorProfile(),
        fields.windowsOptions(),
        fields.string("procMount"),
        fields.unrecognized(CONTAINER_FIELDS));
  }

  /** A pod's securityContext; {@link PodSecurityContext#EMPTY} when {@code context} is null. */
  PodSecurityContext pod(MappingNode context, FieldPath path) {
    if (context == null) {
      return PodSecurityContext.EMPTY;
    }
    Fields fields = new Fields(context, path);
    return new PodSecurityContext(
        fields.bool("runAsNonRoot"),
        fields.int64("runAsUser"),
        fields.int64("runAsGroup"),
        fields.int64("fsGroup"),
        fields.seccompProfile(),
        fields.seLinuxOptions(),
        fields.appArmorProfile(),
        fields.windowsOptions(),
        fields.sysctls(),
        fields.unrecognized(POD_FIELDS));
  }

  /** Reads one securityContext, collecting wrongly typed values by field name. */
  private final class Fields {
    private final MappingNode context;
    private final FieldPath path;
    private final Map<String, String> unrecognized = new LinkedHashMap<>();

    Fields(MappingNode context, FieldPath path) {
      this.context = context;
      this.path = path;
    }

    Boolean bool(String key) {
      Node node = context.get(key);
      return keepIfWrong(key, node, reader.bool(node, path.key(key)));
    }

    Long int64(String key) {
      Node node = context.get(key);
      return keepIfWrong(key, node, reader.int64(node, path.key(key)));
    }

    String string(String key) {
      Node node = context.get(key);
      return keepIfWrong(key, node, reader.string(node, path.key(key)));
    }

    /** A string inside one of the context's objects, kept as {@code object.key} when wrong. */
    String string(MappingNode object, String objectKey, String key) {
      Node node = object.get(key);
      String value = reader.string(node, path.keys(objectKey, key));
      return keepIfWrong(objectKey + "." + key, node, value);
    }

    MappingNode object(String key) {
      Node node = context.get(key);
      return keepIfWrong(key, node, reader.mapping(node, path.key(key)));
    }

    Capabilities capabilities() {
      MappingNode capabilities = object("capabilities");
      if (capabilities == null) {
        return null;
      }
      return new Capabilities(
          capabilityList(capabilities, "add"), capabilityList(capabilities, "drop"));
    }

    private List<String> capabilityList(MappingNode capabilities, String key) {
      Node node = capabilities.get(key);
      FieldPath listPath = path.keys("capabilities", key);
      keepIfNotSequence("capabilities." + key, node);
      return reader.strings(node, listPath);
    }

    SeccompProfile seccompProfile() {
      MappingNode profile = object("seccompProfile");
      return profile == null
          ? null
          : new SeccompProfile(
              string(profile, "seccompProfile", "type"),
              string(profile, "seccompProfile", "localhostProfile"));
    }

    AppArmorProfile appArmorProfile() {
      MappingNode profile = object("appArmorProfile");
      return profile == null
          ? null
          : new AppArmorProfile(
              string(profile, "appArmorProfile", "type"),
              string(profile, "appArmorProfile", "localhostProfile"));
    }

    SeLinuxOptions seLinuxOptions() {
      MappingNode options = object("seLinuxOptions");
      return options == null
          ? null
          : new SeLinuxOptions(
              string(options, "seLinuxOptions", "user"),
              string(options, "seLinuxOptions", "role"),
              string(options, "seLinuxOptions", "type"),
              string(options, "seLinuxOptions", "level"));
    }

    WindowsOptions windowsOptions() {
      MappingNode options = object("windowsOptions");
      if (options == null) {
        return null;
      }
      Node hostProcess = options.get("hostProcess");
      Boolean value = reader.bool(hostProcess, path.keys("windowsOptions", "hostProcess"));
      return new WindowsOptions(keepIfWrong("windowsOptions.hostProcess", hostProcess, value));
    }

    List<Sysctl> sysctls() {
      Node node = context.get("sysctls");
      FieldPath listPath = path.key("sysctls");
      keepIfNotSequence("sysctls", node);
      List<Sysctl> sysctls = new ArrayList<>();
      List<Node> items = reader.sequence(node, listPath);
      for (int i = 0; i < items.size(); i++) {
        FieldPath itemPath = listPath.index(i);
        MappingNode item = reader.mapping(items.get(i), itemPath);
        if (item != null) {
          sysctls.add(
              new Sysctl(
                  reader.requiredString(item.get("name"), itemPath.key("name"), true),
                  reader.string(item.get("value"), itemPath.key("value"))));
        }
      }
      return sysctls;
    }

    /** Unknown keys (document order) after the wrongly typed known ones. */
    Map<String, String> unrecognized(Set<String> known) {
      for (MappingNode.Entry entry : context.fields().values()) {
        if (!known.contains(entry.key())) {
          unrecognized.put(entry.key(), reader.raw(entry.value()));
        }
      }
      return unrecognized;
    }

    private void keepIfNotSequence(String name, Node node) {
      if (FieldReader.isSet(node) && !(node instanceof SequenceNode)) {
        unrecognized.put(name, reader.raw(node));
      }
    }

    private <T> T keepIfWrong(String name, Node node, T value) {
      if (value == null && FieldReader.isSet(node)) {
        unrecognized.put(name, reader.raw(node));
      }
      return value;
    }
  }
}
