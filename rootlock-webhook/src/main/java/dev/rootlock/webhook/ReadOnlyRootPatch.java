package dev.rootlock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds the JSON Patch (RFC 6902) that makes a pod's root filesystems read-only: {@code
 * readOnlyRootFilesystem: true} on every container that does not say otherwise, and a memory-backed
 * {@code emptyDir} with a size limit mounted at {@code /tmp} in each of them, since nearly every
 * program writes there.
 *
 * <p>It only ever adds: a field the user wrote, even {@code readOnlyRootFilesystem: false}, is left
 * as it is, and a container that already mounts something at {@code /tmp} keeps it. Windows pods
 * are left alone (Windows has no read-only root). Each {@code add} targets a parent that exists,
 * creating the parent whole when it is missing, because {@code add} under a missing parent fails.
 */
final class ReadOnlyRootPatch {

  static final String TMP_VOLUME = "rootlock-tmp";
  static final String TMP_SIZE_LIMIT = "64Mi";
  /** Records on the pod what the webhook changed, for whoever wonders later. */
  static final String MUTATED_ANNOTATION = "rootlock.dev/mutated";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ReadOnlyRootPatch() {}

  /** The operations for {@code pod}, empty when there is nothing to add. */
  static ArrayNode build(JsonNode pod) {
    ArrayNode ops = NODES.arrayNode();
    JsonNode spec = pod.path("spec");
    if (!spec.isObject() || "windows".equals(spec.path("os").path("name").asText(""))) {
      return ops;
    }
    boolean setReadOnly = false;
    ArrayNode mountOps = NODES.arrayNode();
    String volumeName = freeVolumeName(spec.path("volumes"));
    for (String list : new String[] {"initContainers", "containers"}) {
      JsonNode containers = spec.path(list);
      for (int i = 0; i < containers.size(); i++) {
        JsonNode container = containers.get(i);
        if (!container.isObject()) {
          continue;
        }
        String path = pointer("spec", list, Integer.toString(i));
        JsonNode context = container.get("securityContext");
        JsonNode readOnly = context == null ? null : context.get("readOnlyRootFilesystem");
        if (readOnly != null && !readOnly.isNull() && !readOnly.asBoolean(false)) {
          continue; // the user chose a writable root; respect it and add no /tmp either
        }
        if (context == null || context.isNull()) {
          ops.add(add(path + "/securityContext", NODES.objectNode().put("readOnlyRootFilesystem", true)));
          setReadOnly = true;
        } else if (context.isObject() && (readOnly == null || readOnly.isNull())) {
          ops.add(add(path + "/securityContext/readOnlyRootFilesystem", NODES.booleanNode(true)));
          setReadOnly = true;
        }
        if (!mountsTmp(container.path("volumeMounts"))) {
          ObjectNode mount = NODES.objectNode().put("name", volumeName).put("mountPath", "/tmp");
          JsonNode mounts = container.get("volumeMounts");
          if (mounts == null || mounts.isNull()) {
            mountOps.add(add(path + "/volumeMounts", NODES.arrayNode().add(mount)));
          } else if (mounts.isArray()) {
            mountOps.add(add(path + "/volumeMounts/-", mount));
          }
        }
      }
    }
    if (!mountOps.isEmpty()) {
      ObjectNode volume = NODES.objectNode().put("name", volumeName);
      volume.putObject("emptyDir").put("medium", "Memory").put("sizeLimit", TMP_SIZE_LIMIT);
      JsonNode volumes = spec.get("volumes");
      if (volumes == null || volumes.isNull()) {
        ops.add(add("/spec/volumes", NODES.arrayNode().add(volume)));
      } else if (volumes.isArray()) {
        ops.add(add("/spec/volumes/-", volume));
      } else {
        mountOps.removeAll(); // a malformed volumes field: mounting would point at nothing
      }
      ops.addAll(mountOps);
    }
    if (!ops.isEmpty()) {
      String what = setReadOnly && !mountOps.isEmpty() ? "readOnlyRootFilesystem,tmp"
          : setReadOnly ? "readOnlyRootFilesystem" : "tmp";
      JsonNode annotations = pod.path("metadata").get("annotations");
      if (annotations == null || annotations.isNull()) {
        if (pod.path("metadata").isObject()) {
          ops.add(add("/metadata/annotations", NODES.objectNode().put(MUTATED_ANNOTATION, what)));
        }
      } else if (annotations.isObject() && !annotations.has(MUTATED_ANNOTATION)) {
        ops.add(add(pointer("metadata", "annotations", MUTATED_ANNOTATION), NODES.textNode(what)));
      }
    }
    return ops;
  }

  /** An RFC 6901 pointer: each segment with {@code ~} as {@code ~0} and {@code /} as {@code ~1}. */
  static String pointer(String... segments) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static ObjectNode add(String path, JsonNode value) {
    ObjectNode op = NODES.objectNode();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", value);
    return op;
  }

  private static boolean mountsTmp(JsonNode mounts) {
    for (JsonNode mount : mounts) {
      String path = mount.path("mountPath").asText("");
      if (path.equals("/tmp") || path.equals("/tmp/")) {
        return true;
      }
    }
    return false;
  }

  private static String freeVolumeName(JsonNode volumes) {
    Set<String> taken = new HashSet<>();
    for (JsonNode volume : volumes) {
      taken.add(volume.path("name").asText(""));
    }
    String name = TMP_VOLUME;
    for (int n = 2; taken.contains(name); n++) {
      name = TMP_VOLUME + "-" + n;
    }
    return name;
  }
}
