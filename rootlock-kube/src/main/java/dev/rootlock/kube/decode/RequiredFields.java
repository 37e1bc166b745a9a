package dev.rootlock.kube.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.pod.ContainerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields the model promises and the API server requires (the pod template, a container, the
 * names of containers, volumes, mounts and sysctls), reported as the manifest reader reports them.
 * The API server never sends an object without them, but a client that talks to the webhook
 * directly can; the decoder then reads such a name as {@code ""} and the object is still judged.
 */
final class RequiredFields {

  private static final String MISSING = "required field is missing";

  private final List<FieldProblem> problems = new ArrayList<>();

  private RequiredFields() {}

  static List<FieldProblem> of(JsonNode object, FieldPath templatePath) {
    RequiredFields required = new RequiredFields();
    required.check(object, templatePath);
    return List.copyOf(required.problems);
  }

  private void check(JsonNode object, FieldPath templatePath) {
    JsonNode template = object;
    FieldPath walked = FieldPath.root();
    for (Object segment : templatePath.segments()) {
      walked = walked.key((String) segment);
      JsonNode next = template.get((String) segment);
      if (next == null || next.isNull()) {
        problems.add(
            new FieldProblem(walked, MISSING + " (the pod template is " + templatePath + ")"));
        return;
      }
      if (!next.isObject()) {
        problems.add(new FieldProblem(walked, "expected a mapping, got " + describe(next)));
        return;
      }
      template = next;
    }
    FieldPath specPath = templatePath.key("spec");
    JsonNode spec = template.path("spec");
    FieldPath sysctls = specPath.keys("securityContext", "sysctls");
    forEachObject(
        spec.path("securityContext").path("sysctls"),
        (sysctl, i) -> name(sysctl, "name", sysctls.index(i).key("name")));
    for (ContainerKind kind : ContainerKind.values()) {
      FieldPath list = specPath.key(kind.field());
      forEachObject(
          spec.path(kind.field()),
          (container, i) -> {
            FieldPath at = list.index(i);
            name(container, "name", at.key("name"));
            FieldPath mounts = at.key("volumeMounts");
            forEachObject(
                container.path("volumeMounts"),
                (mount, j) -> {
                  name(mount, "name", mounts.index(j).key("name"));
                  name(mount, "mountPath", mounts.index(j).key("mountPath"));
                });
          });
    }
    FieldPath volumes = specPath.key("volumes");
    forEachObject(
        spec.path("volumes"), (volume, i) -> name(volume, "name", volumes.index(i).key("name")));
    FieldPath containers = specPath.key("containers");
    JsonNode regular = spec.path("containers");
    boolean reported =
        problems.stream()
            .anyMatch(p -> p.path().startsWith(containers) || containers.startsWith(p.path()));
    if (!(regular.isArray() && !regular.isEmpty()) && !reported) {
      problems.add(new FieldProblem(containers, MISSING + " (a pod needs at least one container)"));
    }
  }

  private interface Item {
    void accept(JsonNode item, int index);
  }

  private static void forEachObject(JsonNode list, Item item) {
    if (!list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isObject()) {
        item.accept(list.get(i), i);
      }
    }
  }

  private void name(JsonNode object, String field, FieldPath path) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      problems.add(new FieldProblem(path, MISSING));
    } else if (!value.isTextual()) {
      problems.add(new FieldProblem(path, "expected a string, got " + describe(value)));
    }
  }

  private static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a sequence";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      String digits = node.bigIntegerValue().toString();
      return "the integer " + (digits.length() > 64 ? digits.substring(0, 64) + "…" : digits);
    }
    if (node.isNumber()) {
      return "the number " + node.numberValue();
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
