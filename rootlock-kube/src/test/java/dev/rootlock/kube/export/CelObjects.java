package dev.rootlock.kube.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as CEL's Java runtime sees Kubernetes' unstructured objects: ints are longs, JSON null is
 * CEL's null. The one conversion the CEL tests and the CEL benchmark (through this module's
 * test-jar) evaluate exported policies against.
 */
public final class CelObjects {

  private CelObjects() {}

  /** The object as a CEL map value. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> of(JsonNode object) {
    return (Map<String, Object>) value(object);
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return NullValue.NULL_VALUE;
    }
    return node.asText();
  }
}
