package dev.rootlock.kube.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rootlock.model.LevelVersion;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VapExportTest {

  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPORT = VapExport.yaml(LevelVersion.parse("hardened:latest"));
  private static final String CONFIGURED =
      VapExport.yaml(LevelVersion.parse("hardened:latest"), ExemptionsCelTest.CONFIGURED);

  @Test
  void theExportIsTheGoldenFile() throws IOException {
    try (InputStream golden = getClass().getResourceAsStream("hardened-latest.yaml")) {
      assertThat(golden).as("golden file").isNotNull();
      assertThat(EXPORT).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
    try (InputStream golden = getClass().getResourceAsStream("hardened-exemptions.yaml")) {
      assertThat(golden).as("golden file").isNotNull();
      assertThat(CONFIGURED).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theVersionIsRecordedAndOnlyHardenedIsExported() {
    assertThat(VapExport.yaml(LevelVersion.parse("hardened:v1.30")))
        .contains("rootlock.dev/policy: \"hardened:v1.30\"")
        .isEqualTo(EXPORT.replace("\"hardened:latest\"", "\"hardened:v1.30\""));
    assertThatThrownBy(() -> VapExport.yaml(LevelVersion.parse("restricted:latest")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only the hardened additions can be exported for now, not restricted");
  }

  @Test
  void everyObjectDeserialisesStrictlyIntoFabric8sModels() throws IOException {
    deserialisesStrictly(EXPORT);
    deserialisesStrictly(CONFIGURED);
    deserialisesStrictly(
        VapExport.yaml(
            LevelVersion.parse("hardened:latest"),
            ExemptionsCelTest.CONFIGURED.withoutAnnotations()));
  }

  private static void deserialisesStrictly(String export) throws IOException {
    List<JsonNode> documents = documents(export);
    assertThat(documents).hasSize(4);
    List<Class<?>> expected =
        List.of(
            ValidatingAdmissionPolicy.class,
            ValidatingAdmissionPolicyBinding.class,
            ValidatingAdmissionPolicyBinding.class,
            ValidatingAdmissionPolicyBinding.class);
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      Object typed = FABRIC8.unmarshal(document.toString());
      assertThat(typed).isInstanceOf(expected.get(i));
      // No field fabric8 does not know (it would land in additionalProperties) ...
      assertThat(unknownFields(typed, "", new IdentityHashMap<>())).isEmpty();
      // ... and nothing dropped, renamed or retyped on the way back.
      assertThat(JSON.readTree(FABRIC8.asJson(typed))).isEqualTo(document);
    }
  }

  @Test
  void bindingsActOnTheWebhooksLabelsForEveryCombination() throws IOException {
    assertThat(bindingCombinations(EXPORT, Set.of("kube-system"))).isEqualTo(3 * 125 * 3);
    assertThat(bindingCombinations(CONFIGURED, Set.of("kube-system", "legacy")))
        .isEqualTo(3 * 125 * 3);
  }

  private static int bindingCombinations(String export, Set<String> skipped) throws IOException {
    List<ValidatingAdmissionPolicyBinding> bindings = new ArrayList<>();
    for (JsonNode document : documents(export).subList(1, 4)) {
      bindings.add(FABRIC8.unmarshal(document.toString(), ValidatingAdmissionPolicyBinding.class));
    }
    assertThat(bindings)
        .allSatisfy(b -> assertThat(b.getSpec().getPolicyName()).isEqualTo("rootlock-hardened"));
    List<String> values = List.of("", "privileged", "baseline", "restricted", "hardened");
    int combinations = 0;
    for (String namespace : List.of("team", "kube-system", "legacy")) {
      for (String enforce : values) {
        for (String warn : values) {
          for (String audit : values) {
            Map<String, String> labels = new TreeMap<>();
            labels.put("kubernetes.io/metadata.name", namespace);
            put(labels, "rootlock.dev/enforce", enforce);
            put(labels, "rootlock.dev/warn", warn);
            put(labels, "rootlock.dev/audit", audit);
            boolean selected = !skipped.contains(namespace);
            for (String resource : List.of("pods", "deployments", "cronjobs")) {
              List<String> expected = new ArrayList<>();
              if (selected && enforce.equals("hardened") && resource.equals("pods")) {
                expected.add("Deny");
              }
              if (selected && warn.equals("hardened")) {
                expected.add("Warn");
              }
              if (selected && audit.equals("hardened")) {
                expected.add("Audit");
              }
              assertThat(actions(bindings, labels, resource))
                  .as("%s %s", labels, resource)
                  .isEqualTo(expected);
              combinations++;
            }
          }
        }
      }
    }
    return combinations;
  }

  private static void put(Map<String, String> labels, String key, String value) {
    if (!value.isEmpty()) {
      labels.put(key, value);
    }
  }

  /** The validationActions of the bindings whose matchResources select the request. */
  private static List<String> actions(
      List<ValidatingAdmissionPolicyBinding> bindings,
      Map<String, String> labels,
      String resource) {
    List<String> actions = new ArrayList<>();
    for (ValidatingAdmissionPolicyBinding binding : bindings) {
      var match = binding.getSpec().getMatchResources();
      if (selects(match.getNamespaceSelector(), labels)
          && match.getResourceRules().stream().anyMatch(r -> names(r, resource))) {
        actions.addAll(binding.getSpec().getValidationActions());
      }
    }
    return actions;
  }

  private static boolean names(NamedRuleWithOperations rule, String resource) {
    return rule.getResources().contains(resource)
        && rule.getOperations().containsAll(List.of("CREATE", "UPDATE"));
  }

  /** Kubernetes' label selector semantics for matchLabels, In and NotIn. */
  private static boolean selects(LabelSelector selector, Map<String, String> labels) {
    for (var entry : selector.getMatchLabels().entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
      String value = labels.get(requirement.getKey());
      boolean in = value != null && requirement.getValues().contains(value);
      switch (requirement.getOperator()) {
        case "In" -> {
          if (!in) {
            return false;
          }
        }
        case "NotIn" -> {
          if (in) {
            return false;
          }
        }
        default -> throw new AssertionError("operator " + requirement.getOperator());
      }
    }
    return true;
  }

  private static List<JsonNode> documents(String export) throws IOException {
    try (var parser = new YAMLMapper().createParser(export)) {
      return new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    }
  }

  /** Paths of every fabric8 object in the tree with additionalProperties, i.e. unknown fields. */
  private static List<String> unknownFields(Object node, String path, Map<Object, Object> seen) {
    List<String> found = new ArrayList<>();
    if (node == null || seen.put(node, node) != null) {
      return found;
    }
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        found.addAll(unknownFields(item, path + "[" + i++ + "]", seen));
      }
      return found;
    }
    if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return found;
    }
    for (Method method : node.getClass().getMethods()) {
      if (method.getParameterCount() != 0 || !method.getName().startsWith("get")) {
        continue;
      }
      try {
        Object value = method.invoke(node);
        if (method.getName().equals("getAdditionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            found.add(path + " " + extra.keySet());
          }
        } else if (!Set.of("getClass").contains(method.getName())) {
          found.addAll(unknownFields(value, path + "." + method.getName().substring(3), seen));
        }
      } catch (ReflectiveOperationException e) {
        throw new LinkageError(e.getMessage(), e);
      }
    }
    return found;
  }
}
