package dev.rootlock.webhook.install;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' label selector semantics (apimachinery's {@code LabelSelectorAsSelector}), to see
 * where a namespaceSelector routes a namespace: every matchLabels pair and every expression must
 * hold; {@code In} needs the key with one of the values, {@code NotIn} holds when the key is absent
 * or has another value, {@code Exists} and {@code DoesNotExist} look at the key only. An absent or
 * empty selector matches every namespace.
 */
final class LabelSelectors {

  private LabelSelectors() {}

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    Map<String, String> matchLabels = selector.getMatchLabels();
    if (matchLabels != null) {
      for (Map.Entry<String, String> pair : matchLabels.entrySet()) {
        if (!pair.getValue().equals(labels.get(pair.getKey()))) {
          return false;
        }
      }
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    if (expressions != null) {
      for (LabelSelectorRequirement requirement : expressions) {
        if (!holds(requirement, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> {
        requireValues(requirement, values, true);
        yield value != null && values.contains(value);
      }
      case "NotIn" -> {
        requireValues(requirement, values, true);
        yield value == null || !values.contains(value);
      }
      case "Exists" -> {
        requireValues(requirement, values, false);
        yield value != null;
      }
      case "DoesNotExist" -> {
        requireValues(requirement, values, false);
        yield value == null;
      }
      default ->
          throw new IllegalArgumentException(
              "not a selector operator: " + requirement.getOperator());
    };
  }

  /** The API server refuses In/NotIn without values and Exists/DoesNotExist with them. */
  private static void requireValues(
      LabelSelectorRequirement requirement, List<String> values, boolean needed) {
    if (values.isEmpty() == needed) {
      throw new IllegalArgumentException(
          requirement.getOperator()
              + (needed ? " needs values" : " takes no values")
              + " (key "
              + requirement.getKey()
              + ")");
    }
  }
}
