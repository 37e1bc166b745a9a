package dev.rootlock.webhook.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes rendered manifests into fabric8's typed models, strictly: fabric8's models keep a field
 * they do not know (or one of the wrong type) in {@code additionalProperties} instead of failing,
 * so after decoding every model object reachable from the result is walked and any additional
 * property is an error naming its path. Kinds that fabric8 has no model for (cert-manager's) are
 * returned undecoded in {@link Decoded#unmodelled}, for the caller to judge.
 */
final class StrictObjects {

  record Decoded(List<HasMetadata> objects, List<String> unmodelled) {}

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private StrictObjects() {}

  static Decoded decode(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    List<String> unmodelled = new ArrayList<>();
    try (MappingIterator<JsonNode> documents =
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document == null
            || document.isNull()
            || document.isMissingNode()
            || document.isEmpty()) {
          continue;
        }
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<? extends KubernetesResource> type =
            SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null
            || !HasMetadata.class.isAssignableFrom(type)
            || type.getSimpleName().equals("GenericKubernetesResource")) {
          unmodelled.add(apiVersion + " " + kind);
          continue;
        }
        HasMetadata object = (HasMetadata) SERIALIZATION.convertValue(document, type);
        List<String> extra = new ArrayList<>();
        walk(object, kind, extra, new IdentityHashMap<>());
        if (!extra.isEmpty()) {
          throw new IllegalArgumentException(
              kind
                  + " "
                  + object.getMetadata().getName()
                  + ": fields fabric8's model does not have: "
                  + extra);
        }
        objects.add(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Decoded(objects, unmodelled);
  }

  private static void walk(
      Object node, String path, List<String> extra, Map<Object, Boolean> seen) {
    if (node == null || seen.put(node, true) != null) {
      return;
    }
    if (node instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]", extra, seen);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        walk(entry.getValue(), path + "." + entry.getKey(), extra, seen);
      }
      return;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      String field =
          Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
      if (field.equals("additionalProperties")) {
        if (value instanceof Map<?, ?> additional && !additional.isEmpty()) {
          for (Object key : additional.keySet()) {
            extra.add(path + "." + key);
          }
        }
      } else if (!SKIPPED.contains(field)) {
        walk(value, path + "." + field, extra, seen);
      }
    }
  }

  /** Derived getters that are not fields. */
  private static final Set<String> SKIPPED = Set.of("plural", "singular", "kind", "apiVersion");
}
