package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.fix.plan.Change;
import dev.rootlock.model.FieldPath;
import java.util.List;

/**
 * Turns the fixer's changes to an object into a JSON Patch (RFC 6902) against the object the API
 * server sent. Changes are addressed from the object's root and describe the original, so each one
 * is placed against a working copy that already holds the operations before it: a missing parent is
 * created whole with one {@code add} (an {@code add} under a missing parent fails), a second change
 * under it then adds to it, and items are appended with {@code /-}.
 *
 * <p>It never takes away what the user set: a change that would remove a field, or replace an
 * object or list that has contents, makes the whole patch {@link Unpatchable}, since applying the
 * rest alone could leave a pod the fixer never planned.
 */
final class PlanPatch {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The object as the operations so far have left it. */
  private final ObjectNode document;

  private final ArrayNode operations = NODES.arrayNode();

  private PlanPatch(ObjectNode document) {
    this.document = document;
  }

  /** Why a plan cannot become a patch; the message says which field and why. */
  static final class Unpatchable extends Exception {
    Unpatchable(String message) {
      super(message);
    }
  }

  /** A patch that starts from {@code object} (not changed: the patch works on a copy). */
  static PlanPatch against(JsonNode object) {
    if (!object.isObject()) {
      throw new IllegalArgumentException("not a JSON object: " + object.getNodeType());
    }
    return new PlanPatch((ObjectNode) AdmissionObjects.withoutBookkeeping(object).deepCopy());
  }

  /** The operations so far, in the order the API server applies them. */
  ArrayNode operations() {
    return operations;
  }

  /** Adds the operations for {@code changes}, in order. */
  PlanPatch apply(List<Change> changes) throws Unpatchable {
    for (Change change : changes) {
      switch (change) {
        case Change.SetField set -> set(set.path(), json(set.value()));
        case Change.AppendItem append -> append(append.path(), json(append.value()));
        case Change.RemoveField remove -> {
          if (at(remove.path()) != null) {
            throw new Unpatchable(
                "hardening it would remove "
                    + remove.path()
                    + ", and the mutating webhook never removes what was set");
          }
        }
      }
    }
    return this;
  }

  /** Sets {@code path} to {@code value} unless something is there already. */
  PlanPatch setIfAbsent(FieldPath path, Object value) throws Unpatchable {
    if (at(path) == null) {
      set(path, json(value));
    }
    return this;
  }

  private void set(FieldPath path, JsonNode value) throws Unpatchable {
    List<Object> segments = path.segments();
    JsonNode parent = null;
    JsonNode node = document;
    for (int i = 0; i < segments.size(); i++) {
      JsonNode child = child(node, segments.get(i));
      if (child == null || child.isNull()) {
        JsonNode created = nested(path, segments.subList(i + 1, segments.size()), value);
        put(node, segments.get(i), created, path);
        add("add", pointer(segments.subList(0, i + 1)), created);
        return;
      }
      parent = node;
      node = child;
    }
    if (parent == null || node.equals(value)) {
      return;
    }
    if (node.isContainerNode() && !node.isEmpty()) {
      throw new Unpatchable(
          "hardening it would replace what is set at "
              + path
              + ", and the mutating webhook never removes what was set");
    }
    put(parent, segments.get(segments.size() - 1), value, path);
    add("replace", pointer(segments), value);
  }

  private void append(FieldPath path, JsonNode item) throws Unpatchable {
    JsonNode list = at(path);
    if (list == null) {
      set(path, NODES.arrayNode().add(item));
      return;
    }
    if (!list.isArray()) {
      throw new Unpatchable(path + " is not a list");
    }
    ((ArrayNode) list).add(item);
    add("add", pointer(path.segments()) + "/-", item);
  }

  /** The value at {@code path}, or null when it (or a parent) is missing or null. */
  private JsonNode at(FieldPath path) {
    JsonNode node = document;
    for (Object segment : path.segments()) {
      node = child(node, segment);
      if (node == null || node.isNull()) {
        return null;
      }
    }
    return node;
  }

  private static JsonNode child(JsonNode node, Object segment) {
    return segment instanceof Integer index ? node.get(index) : node.get((String) segment);
  }

  /** {@code value} under the mappings named by {@code keys}, innermost last. */
  private static JsonNode nested(FieldPath path, List<Object> keys, JsonNode value)
      throws Unpatchable {
    JsonNode nested = value;
    for (int i = keys.size() - 1; i >= 0; i--) {
      if (!(keys.get(i) instanceof String key)) {
        throw new Unpatchable(path + " is in a list item that does not exist");
      }
      ObjectNode parent = NODES.objectNode();
      parent.set(key, nested);
      nested = parent;
    }
    return nested;
  }

  private static void put(JsonNode parent, Object segment, JsonNode value, FieldPath path)
      throws Unpatchable {
    if (segment instanceof String key && parent instanceof ObjectNode object) {
      object.set(key, value);
    } else if (segment instanceof Integer index
        && parent instanceof ArrayNode array
        && index < array.size()) {
      array.set(index, value);
    } else {
      throw new Unpatchable(path + " does not fit the object's shape");
    }
  }

  /** Records an operation; its value is a copy, since later changes edit the working copy. */
  private void add(String op, String pointer, JsonNode value) {
    ObjectNode operation = operations.addObject();
    operation.put("op", op);
    operation.put("path", pointer);
    operation.set("value", value.deepCopy());
  }

  private static JsonNode json(Object value) {
    return AdmissionReviews.json().valueToTree(value);
  }

  /** An RFC 6901 pointer: {@code ~} becomes {@code ~0} and then {@code /} becomes {@code ~1}. */
  static String pointer(List<Object> segments) {
    StringBuilder out = new StringBuilder();
    for (Object segment : segments) {
      out.append('/');
      if (segment instanceof Integer index) {
        out.append(index);
      } else {
        out.append(((String) segment).replace("~", "~0").replace("/", "~1"));
      }
    }
    return out.toString();
  }
}
