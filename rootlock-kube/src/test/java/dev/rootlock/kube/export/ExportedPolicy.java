package dev.rootlock.kube.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy exactly as {@code rootlock policy export} prints it, compiled with Google's CEL for
 * Java with the variables the API server binds ({@code object}, {@code oldObject}, {@code request},
 * {@code params}, {@code namespaceObject}, {@code variables}) and Kubernetes' string library
 * ({@code join}), evaluated the way the API server does: variables in order, then each validation
 * and, when it fails, its message.
 */
final class ExportedPolicy {

  /** One validation's outcome: allowed, or the message. */
  record Outcome(String checkId, boolean allowed, String message) {}

  private record Compiled(String name, CelRuntime.Program program) {}

  private static final Cel CEL =
      CelFactory.legacyCelBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("object", SimpleType.DYN)
          .addVar("oldObject", SimpleType.DYN)
          .addVar("request", SimpleType.DYN)
          .addVar("params", SimpleType.DYN)
          .addVar("namespaceObject", SimpleType.DYN)
          .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings())
          .addRuntimeLibraries(CelExtensions.strings())
          .build();

  private final List<Compiled> matchConditions = new ArrayList<>();
  private final List<Compiled> variables = new ArrayList<>();
  private final List<Compiled> validations = new ArrayList<>();
  private final List<Compiled> messages = new ArrayList<>();
  private final List<String> checkIds = new ArrayList<>();

  /** Reads the first document of the export (the policy) and compiles every expression in it. */
  ExportedPolicy(String exportedYaml)
      throws IOException, CelValidationException, CelEvaluationException {
    JsonNode policy;
    try (var parser = new YAMLMapper().createParser(exportedYaml)) {
      policy = new YAMLMapper().readValues(parser, JsonNode.class).next();
    }
    for (JsonNode condition : policy.path("spec").path("matchConditions")) {
      matchConditions.add(
          compile(condition.path("name").asText(), condition.path("expression").asText()));
    }
    for (JsonNode variable : policy.path("spec").path("variables")) {
      variables.add(compile(variable.path("name").asText(), variable.path("expression").asText()));
    }
    // The check ID is in the comment above each validation; the order is VapExport's.
    int index = 0;
    for (JsonNode validation : policy.path("spec").path("validations")) {
      String id = VapExport.VALIDATIONS.get(index++).checkId();
      checkIds.add(id);
      validations.add(compile(id, validation.path("expression").asText()));
      messages.add(compile(id, validation.path("messageExpression").asText()));
    }
  }

  List<String> checkIds() {
    return List.copyOf(checkIds);
  }

  int expressionCount() {
    return variables.size() + validations.size() + messages.size();
  }

  /** Every validation's outcome for {@code object}, created in a namespace with {@code labels}. */
  List<Outcome> evaluate(Map<String, Object> object, Map<String, String> namespaceLabels)
      throws CelEvaluationException {
    return evaluate(object, namespaceLabels, "alice");
  }

  /**
   * Whether the policy applies to {@code object} created by {@code username}: every matchCondition
   * true, as the API server requires.
   */
  boolean matches(Map<String, Object> object, String username) throws CelEvaluationException {
    Map<String, Object> activation = activation(object, Map.of(), username);
    for (Compiled condition : matchConditions) {
      if (!(Boolean) condition.program().eval(activation)) {
        return false;
      }
    }
    return true;
  }

  int matchConditionCount() {
    return matchConditions.size();
  }

  private static Map<String, Object> activation(
      Map<String, Object> object, Map<String, String> namespaceLabels, String username) {
    Map<String, Object> activation = new HashMap<>();
    activation.put("object", object);
    activation.put("oldObject", NullValue.NULL_VALUE);
    activation.put("params", NullValue.NULL_VALUE);
    activation.put(
        "request",
        Map.of(
            "operation", "CREATE",
            "kind", Map.of("kind", String.valueOf(object.get("kind"))),
            "userInfo", Map.of("username", username)));
    activation.put(
        "namespaceObject",
        Map.of("metadata", Map.of("name", "default", "labels", namespaceLabels)));
    return activation;
  }

  /** Every validation's outcome for {@code object} created by {@code username}. */
  List<Outcome> evaluate(
      Map<String, Object> object, Map<String, String> namespaceLabels, String username)
      throws CelEvaluationException {
    Map<String, Object> activation = activation(object, namespaceLabels, username);
    Map<String, Object> bound = new LinkedHashMap<>();
    activation.put("variables", bound);
    for (Compiled variable : variables) {
      bound.put(variable.name(), variable.program().eval(activation));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < validations.size(); i++) {
      boolean allowed = (Boolean) validations.get(i).program().eval(activation);
      String message = allowed ? "" : (String) messages.get(i).program().eval(activation);
      outcomes.add(new Outcome(checkIds.get(i), allowed, message));
    }
    return outcomes;
  }

  /**
   * How many expression nodes CEL evaluates for {@code object} across every variable, validation
   * and message: the steps Kubernetes' runtime cost counts (it adds a small charge for string and
   * list sizes on top), to hold against its per-expression limit.
   */
  long evaluatedNodes(Map<String, Object> object) throws CelEvaluationException {
    long[] nodes = {0};
    Map<String, Object> activation = activation(object, Map.of(), "alice");
    Map<String, Object> bound = new LinkedHashMap<>();
    activation.put("variables", bound);
    for (Compiled variable : variables) {
      bound.put(variable.name(), variable.program().trace(activation, (e, v) -> nodes[0]++));
    }
    for (int i = 0; i < validations.size(); i++) {
      // As the API server: the message is evaluated only when the validation fails.
      if (!(Boolean) validations.get(i).program().trace(activation, (e, v) -> nodes[0]++)) {
        messages.get(i).program().trace(activation, (e, v) -> nodes[0]++);
      }
    }
    return nodes[0];
  }

  private static Compiled compile(String name, String expression)
      throws CelValidationException, CelEvaluationException {
    return new Compiled(name, CEL.createProgram(CEL.compile(expression).getAst()));
  }
}
