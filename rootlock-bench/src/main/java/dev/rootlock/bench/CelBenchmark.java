package dev.rootlock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.rootlock.kube.decode.ApiObjects;
import dev.rootlock.kube.export.CelObjects;
import dev.rootlock.kube.export.VapExport;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckFunction;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.checks.PodChecks;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per pod of the exported {@code ValidatingAdmissionPolicy} (Google's CEL for Java, compiled
 * once, as the API server keeps compiled policies) next to the engine's own functions for the same
 * checks, over every pod template in shared/corpus/k8s. Both start from what they are handed at
 * admission: CEL from the object as maps and lists, the engine from the decoded {@link Pod}.
 * Decoding is not measured on either side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CelBenchmark {

  private static final Set<String> KINDS =
      Set.of(
          "Pod",
          "PodTemplate",
          "ReplicationController",
          "DaemonSet",
          "Deployment",
          "ReplicaSet",
          "StatefulSet",
          "CronJob",
          "Job");

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

  /** The corpus's pod templates, as CEL sees them and as the engine sees them. */
  List<Map<String, Object>> objects;

  List<Pod> pods;
  List<String> variableNames;
  List<CelRuntime.Program> variables;
  List<CelRuntime.Program> validations;
  List<CelRuntime.Program> messages;
  List<CheckFunction<Pod>> checks;

  @Setup(Level.Trial)
  public void load() throws Exception {
    String export = VapExport.yaml(LevelVersion.parse("hardened:latest"));
    KubernetesSerialization fabric8 = new KubernetesSerialization();
    ValidatingAdmissionPolicy policy =
        fabric8.unmarshal(export.split("\n---\n", -1)[0], ValidatingAdmissionPolicy.class);
    variableNames = new ArrayList<>();
    variables = new ArrayList<>();
    validations = new ArrayList<>();
    messages = new ArrayList<>();
    for (var variable : policy.getSpec().getVariables()) {
      variableNames.add(variable.getName());
      variables.add(program(variable.getExpression()));
    }
    for (var validation : policy.getSpec().getValidations()) {
      validations.add(program(validation.getExpression()));
      messages.add(program(validation.getMessageExpression()));
    }
    // The engine's newest implementation of each exported check, in the export's order.
    checks = new ArrayList<>();
    // The check IDs are in the comments above the validations, in their order.
    List<String> ids =
        export
            .lines()
            .filter(line -> line.startsWith("    # rootlock check "))
            .map(line -> line.substring("    # rootlock check ".length()))
            .toList();
    for (String id : ids) {
      for (Check<Pod> check : PodChecks.all()) {
        if (check.definition().id().equals(id)) {
          checks.add(check.definition().versions().getLast().function());
        }
      }
    }
    if (checks.size() != validations.size()) {
      throw new IllegalStateException("the export has " + validations.size() + " validations");
    }
    objects = new ArrayList<>();
    pods = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Path dir = Path.of(System.getProperty("rootlock.corpus", "../shared/corpus/k8s"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    for (Path file : files) {
      List<?> documents;
      try {
        Object read = fabric8.unmarshal(Files.readString(file));
        documents = read instanceof List<?> list ? list : List.of(read);
      } catch (RuntimeException | IOException e) {
        continue; // templated or broken: the reader's tests cover them
      }
      for (Object typed : documents) {
        JsonNode api = json.readTree(fabric8.asJson(typed));
        if (!KINDS.contains(api.path("kind").asText(""))) {
          continue;
        }
        Optional<dev.rootlock.model.pod.Workload> workload =
            ApiObjects.workload(api, SourceRef.of("cluster:bench"));
        if (workload.isPresent()) {
          objects.add(CelObjects.of(api));
          pods.add(workload.get().pod());
        }
      }
    }
    System.err.printf("CelBenchmark: %d pod templates%n", pods.size());
  }

  /**
   * The engine's functions for the exported checks, each pod: reason and detail built on failure.
   */
  @Benchmark
  public void engine(Blackhole sink) {
    for (Pod pod : pods) {
      for (CheckFunction<Pod> check : checks) {
        CheckResult result = check.check(pod);
        sink.consume(result);
      }
    }
  }

  /** The exported policy, each pod: every variable, every validation, a message when it fails. */
  @Benchmark
  public void cel(Blackhole sink) throws Exception {
    for (Map<String, Object> object : objects) {
      Map<String, Object> activation = new HashMap<>();
      activation.put("object", object);
      activation.put("oldObject", NullValue.NULL_VALUE);
      activation.put("params", NullValue.NULL_VALUE);
      activation.put("request", Map.of("operation", "CREATE"));
      activation.put("namespaceObject", NullValue.NULL_VALUE);
      Map<String, Object> bound = new HashMap<>();
      activation.put("variables", bound);
      for (int i = 0; i < variables.size(); i++) {
        bound.put(variableNames.get(i), variables.get(i).eval(activation));
      }
      for (int i = 0; i < validations.size(); i++) {
        if (!(Boolean) validations.get(i).eval(activation)) {
          sink.consume(messages.get(i).eval(activation));
        }
      }
    }
  }

  private static CelRuntime.Program program(String expression) throws Exception {
    return CEL.createProgram(CEL.compile(expression).getAst());
  }
}
