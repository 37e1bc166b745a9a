package dev.rootlock.kube.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.rootlock.kube.decode.ApiObjects;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.ContainerKind;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.SharedData;
import dev.rootlock.testing.SharedDataPresent;
import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1beta1.MutatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exported MutatingAdmissionPolicy: golden, strictly decoded by fabric8's v1beta1 model, and
 * run on every pod template of PSA's fixtures and the corpus (each made into the Pod its controller
 * would create): its CEL by Google's CEL for Java, its apply configurations merged by key as
 * server-side apply merges them (modelled here: containers and volumes by name, mounts by path),
 * the result judged by the engine.
 *
 * <p>CEL for Java has no Kubernetes object types, so the typed constructors ({@code
 * Object.spec.containers{name: ...}}) are read as map literals ({@code {'name': ...}}); the rest of
 * each expression is evaluated as printed.
 */
@ExtendWith(SharedDataPresent.class)
class MutatingExportTest {

  private static final Path SHARED = SharedData.root();
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPORT = MutatingExport.yaml(ExportExemptions.DEFAULT);
  private static final Set<String> TEMPLATE_KINDS =
      Set.of(
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

  private record Named(String name, CelRuntime.Program program) {}

  private static final List<Named> conditions = new ArrayList<>();
  private static final List<Named> variables = new ArrayList<>();
  private static final List<CelRuntime.Program> mutations = new ArrayList<>();

  @BeforeAll
  static void compileTheExport() throws Exception {
    JsonNode policy = documents(EXPORT).get(0);
    for (JsonNode c : policy.path("spec").path("matchConditions")) {
      conditions.add(new Named(c.path("name").asText(), program(c.path("expression").asText())));
    }
    for (JsonNode v : policy.path("spec").path("variables")) {
      variables.add(new Named(v.path("name").asText(), program(v.path("expression").asText())));
    }
    for (JsonNode m : policy.path("spec").path("mutations")) {
      assertThat(m.path("patchType").asText()).isEqualTo("ApplyConfiguration");
      mutations.add(
          program(asMapLiterals(m.path("applyConfiguration").path("expression").asText())));
    }
    assertThat(mutations).hasSize(1);
  }

  /** {@code Object.spec.x{a: 1}} as {@code {'a': 1}}: the only change made to what is printed. */
  static String asMapLiterals(String expression) {
    return expression
        .replaceAll("Object(\\.\\w+)*\\{", "{")
        .replaceAll("(?<=\\{|, )(\\w+): ", "'$1': ");
  }

  private static CelRuntime.Program program(String expression) throws Exception {
    return CEL.createProgram(CEL.compile(expression).getAst());
  }

  @Test
  void theExportIsTheGoldenFile() throws IOException {
    try (InputStream golden = getClass().getResourceAsStream("mutating.yaml")) {
      assertThat(golden).as("golden file").isNotNull();
      assertThat(EXPORT).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void bothObjectsDeserialiseStrictlyIntoFabric8sV1beta1Models() throws IOException {
    for (String export : List.of(EXPORT, MutatingExport.yaml(ExemptionsCelTest.CONFIGURED))) {
      List<JsonNode> documents = documents(export);
      assertThat(documents).hasSize(2);
      Object policy = FABRIC8.unmarshal(documents.get(0).toString());
      Object binding = FABRIC8.unmarshal(documents.get(1).toString());
      assertThat(policy).isInstanceOf(MutatingAdmissionPolicy.class);
      assertThat(binding).isInstanceOf(MutatingAdmissionPolicyBinding.class);
      // Nothing dropped, renamed or retyped on the way back.
      assertThat(JSON.readTree(FABRIC8.asJson(policy))).isEqualTo(documents.get(0));
      assertThat(JSON.readTree(FABRIC8.asJson(binding))).isEqualTo(documents.get(1));
      assertThat(((MutatingAdmissionPolicy) policy).getAdditionalProperties()).isEmpty();
      assertThat(((MutatingAdmissionPolicy) policy).getSpec().getAdditionalProperties()).isEmpty();
      assertThat(((MutatingAdmissionPolicy) policy).getSpec().getMutations())
          .allSatisfy(m -> assertThat(m.getAdditionalProperties()).isEmpty());
    }
    assertThat(MutatingExport.yaml(ExemptionsCelTest.CONFIGURED))
        .contains("name: not-exempt-username", "values: [\"kube-system\", \"legacy\"]");
  }

  @Test
  void aPodGetsReadOnlyRootsAndATmpAndNothingItSetIsChanged() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - {name: init, image: x}
          containers:
            - {name: app, image: x, securityContext: {runAsNonRoot: true}}
            - {name: said-false, image: x, securityContext: {readOnlyRootFilesystem: false}}
            - name: has-tmp
              image: x
              volumeMounts: [{name: t, mountPath: /tmp/, readOnly: true}]
            - name: dotdot
              image: x
              volumeMounts: [{name: t, mountPath: /var/../data}]
          volumes: [{name: t, emptyDir: {}}]
        """;
    Map<String, Object> mutated = mutate(object(pod));
    JsonNode mutatedTree = JSON.valueToTree(mutated);
    assertThat(mutatedTree)
        .isEqualTo(
            JSON.readTree(
                """
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {
                  "initContainers": [{"name": "init", "image": "x",
                    "securityContext": {"readOnlyRootFilesystem": true},
                    "volumeMounts": [{"name": "rootlock-tmp", "mountPath": "/tmp"}]}],
                  "containers": [
                    {"name": "app", "image": "x",
                     "securityContext": {"runAsNonRoot": true, "readOnlyRootFilesystem": true},
                     "volumeMounts": [{"name": "rootlock-tmp", "mountPath": "/tmp"}]},
                    {"name": "said-false", "image": "x",
                     "securityContext": {"readOnlyRootFilesystem": false}},
                    {"name": "has-tmp", "image": "x",
                     "volumeMounts": [{"name": "t", "mountPath": "/tmp/", "readOnly": true}],
                     "securityContext": {"readOnlyRootFilesystem": true}},
                    {"name": "dotdot", "image": "x",
                     "volumeMounts": [{"name": "t", "mountPath": "/var/../data"}],
                     "securityContext": {"readOnlyRootFilesystem": true}}],
                  "volumes": [{"name": "t", "emptyDir": {}},
                    {"name": "rootlock-tmp",
                     "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}}]}}
                """));
    // Applied again (reinvocation), nothing changes.
    assertThat(mutate(mutated)).isEqualTo(mutated);

    // A taken volume name: read-only roots, no /tmp.
    Map<String, Object> taken =
        mutate(
            object(
                pod.replace("name: t,", "name: rootlock-tmp,")
                    .replace("{name: t, mountPath", "{name: rootlock-tmp, mountPath")));
    assertThat(JSON.valueToTree(taken).toString()).doesNotContain("\"mountPath\":\"/tmp\"");

    // Windows pods are not matched.
    assertThat(matches(object(pod.replace("spec:\n", "spec:\n  os: {name: windows}\n")))).isFalse();
    assertThat(matches(object(pod))).isTrue();
  }

  @Test
  void everyFixtureAndCorpusPodIsReadOnlyAfterwardsSaveWhatItSetFalse() throws Exception {
    int pods = 0;
    int changed = 0;
    List<String> problems = new ArrayList<>();
    for (Path root : List.of(SHARED.resolve("psa-fixtures"), SHARED.resolve("corpus/k8s"))) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
      }
      for (Path file : files) {
        for (JsonNode document : documentsOf(file)) {
          JsonNode api = asPod(document);
          if (api == null) {
            continue;
          }
          Map<String, Object> before = CelObjects.of(api);
          if (!matches(before)) {
            continue; // Windows
          }
          pods++;
          Map<String, Object> after = mutate(before);
          changed += after.equals(before) ? 0 : 1;
          String where = file + " " + api.path("metadata").path("name").asText();
          problems.addAll(judge(where, api, after));
          if (problems.size() > 5) {
            break;
          }
        }
      }
    }
    System.out.printf("MutatingAdmissionPolicy: %d pods, %d changed%n", pods, changed);
    assertThat(problems).isEmpty();
    assertThat(pods).isGreaterThan(4000);
    assertThat(changed).isBetween(1000, pods);
  }

  /** What must hold of a mutated pod; empty when it does. */
  private static List<String> judge(String where, JsonNode before, Map<String, Object> after)
      throws Exception {
    List<String> problems = new ArrayList<>();
    JsonNode typed;
    try {
      typed = JSON.readTree(FABRIC8.asJson(FABRIC8.unmarshal(JSON.writeValueAsString(after))));
    } catch (RuntimeException e) {
      return List.of(where + ": fabric8 refuses the mutated pod: " + e.getMessage());
    }
    Pod old = pod(before);
    Pod pod = pod(typed);
    // Read-only roots: only containers that said false, and ephemeral ones (not created with the
    // pod, never mutated), may still fail.
    List<String> expected = new ArrayList<>();
    for (Container c : old.spec().allContainers()) {
      Boolean set = c.securityContext().readOnlyRootFilesystem();
      if (Boolean.FALSE.equals(set)
          || (c.kind() == ContainerKind.EPHEMERAL && !Boolean.TRUE.equals(set))) {
        expected.add(c.displayName());
      }
    }
    CheckResult readOnly = check("readOnlyRootFilesystem", pod);
    List<String> failing = readOnly.allowed() ? List.of() : readOnly.containers();
    if (!failing.equals(expected)) {
      problems.add(where + ": still writable " + failing + ", expected " + expected);
    }
    // Nothing newly unbounded or writable over a system path.
    for (String id : List.of("unboundedMemoryVolumes", "writableSystemPaths")) {
      if (check(id, old).allowed() && !check(id, pod).allowed()) {
        problems.add(where + ": the mutation makes " + id + " fail");
      }
    }
    // Every container the mutation made read-only has /tmp, unless it had a mount there already,
    // a '..' in a mount path, or the volume name was taken.
    boolean taken = old.spec().volumes().stream().anyMatch(v -> v.name().equals("rootlock-tmp"));
    for (Container c : pod.spec().allContainers()) {
      Container was =
          old.spec().allContainers().stream()
              .filter(o -> o.kind() == c.kind() && o.index() == c.index())
              .findFirst()
              .orElseThrow();
      if (was.securityContext().readOnlyRootFilesystem() != null
          || c.kind() == ContainerKind.EPHEMERAL) {
        if (!c.volumeMounts().equals(was.volumeMounts())) {
          problems.add(where + ": mounts of untouched container " + c.displayName() + " changed");
        }
        continue;
      }
      boolean skip =
          taken
              || was.volumeMounts().stream()
                  .anyMatch(
                      m ->
                          m.mountPath() != null
                              && (m.mountPath().contains("..")
                                  || normalised(m).equals("/tmp")
                                  || (normalised(m).equals("/") && m.writable())));
      List<VolumeMount> added = new ArrayList<>(c.volumeMounts());
      added.removeAll(was.volumeMounts());
      List<String> addedPaths = added.stream().map(VolumeMount::mountPath).toList();
      if (!addedPaths.equals(skip ? List.of() : List.of("/tmp"))) {
        problems.add(where + ": " + c.displayName() + " got mounts " + addedPaths);
      }
    }
    // Applied again (reinvocation), nothing changes.
    if (!mutate(after).equals(after)) {
      problems.add(where + ": a second application changes the pod");
    }
    return problems;
  }

  private static String normalised(VolumeMount mount) {
    String path =
        String.join(
            "/",
            Stream.of(mount.mountPath().split("/"))
                .filter(s -> !s.isEmpty() && !s.equals("."))
                .toList());
    return "/" + path;
  }

  private static CheckResult check(String id, Pod pod) {
    for (var check : dev.rootlock.policy.checks.PodChecks.all()) {
      if (check.definition().id().equals(id)) {
        return check.definition().versions().getLast().function().check(pod);
      }
    }
    throw new IllegalStateException(id);
  }

  private static Pod pod(JsonNode api) {
    Optional<Workload> workload = ApiObjects.workload(api, SourceRef.of("cluster:test"));
    return workload.orElseThrow().pod();
  }

  /** A Pod as the API server hands it over, or the Pod a template's controller would create. */
  private static JsonNode asPod(JsonNode document) {
    String kind = document.path("kind").asText("");
    JsonNode template;
    if (kind.equals("Pod")) {
      template = document;
    } else if (TEMPLATE_KINDS.contains(kind)) {
      template =
          kind.equals("PodTemplate")
              ? document.path("template")
              : kind.equals("CronJob")
                  ? document.path("spec").path("jobTemplate").path("spec").path("template")
                  : document.path("spec").path("template");
    } else {
      return null;
    }
    if (!template.path("spec").isObject()) {
      return null;
    }
    ObjectNode pod = JSON.createObjectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.set("metadata", JSON.createObjectNode().put("name", "p"));
    pod.set("spec", template.path("spec"));
    JsonNode api = CelEquivalenceTest.asTheApiServerReturnsIt(pod);
    return api == null || !api.path("spec").path("containers").isArray() ? null : api;
  }

  private static Map<String, Object> object(String yaml) throws IOException {
    JsonNode api = CelEquivalenceTest.asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    assertThat(api).isNotNull();
    return CelObjects.of(api);
  }

  private static Map<String, Object> activation(Map<String, Object> object) {
    Map<String, Object> activation = new HashMap<>();
    activation.put("object", object);
    activation.put("oldObject", NullValue.NULL_VALUE);
    activation.put("params", NullValue.NULL_VALUE);
    activation.put(
        "request", Map.of("operation", "CREATE", "userInfo", Map.of("username", "alice")));
    activation.put("namespaceObject", NullValue.NULL_VALUE);
    return activation;
  }

  private static boolean matches(Map<String, Object> object) throws Exception {
    Map<String, Object> activation = activation(object);
    for (Named condition : conditions) {
      if (!(Boolean) condition.program().eval(activation)) {
        return false;
      }
    }
    return true;
  }

  /** Every mutation in order, each merged into the object the next one sees. */
  private static Map<String, Object> mutate(Map<String, Object> object) throws Exception {
    Map<String, Object> current = object;
    for (CelRuntime.Program mutation : mutations) {
      Map<String, Object> activation = activation(current);
      Map<String, Object> bound = new LinkedHashMap<>();
      activation.put("variables", bound);
      for (Named variable : variables) {
        bound.put(variable.name(), variable.program().eval(activation));
      }
      current = Merge.apply(current, plain(mutation.eval(activation)));
    }
    return current;
  }

  /** CEL's result as plain maps and lists (CEL for Java hands back immutable collections). */
  private static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(MutatingExportTest::plain).toList());
    }
    return value;
  }

  /** Server-side apply's merge of an apply configuration, as far as this policy needs it. */
  static final class Merge {
    private static final Map<String, String> KEYS =
        Map.of(
            "containers", "name",
            "initContainers", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> target, Object patch) {
      Map<String, Object> out = new LinkedHashMap<>(target);
      for (var entry : ((Map<String, Object>) patch).entrySet()) {
        Object was = out.get(entry.getKey());
        Object value = entry.getValue();
        if (was instanceof Map<?, ?> wasMap && value instanceof Map<?, ?>) {
          out.put(entry.getKey(), apply((Map<String, Object>) wasMap, value));
        } else if (KEYS.containsKey(entry.getKey()) && value instanceof List<?> items) {
          if (items.isEmpty()) {
            continue; // an empty keyed list asserts no item: nothing changes
          }
          List<Object> merged =
              was instanceof List<?> wasList ? new ArrayList<>(wasList) : new ArrayList<>();
          String key = KEYS.get(entry.getKey());
          for (Object item : items) {
            Map<String, Object> itemMap = (Map<String, Object>) item;
            int at = -1;
            for (int i = 0; i < merged.size(); i++) {
              if (itemMap.get(key).equals(((Map<String, Object>) merged.get(i)).get(key))) {
                at = i;
              }
            }
            if (at < 0) {
              merged.add(plain(itemMap));
            } else {
              merged.set(at, apply((Map<String, Object>) merged.get(at), itemMap));
            }
          }
          out.put(entry.getKey(), merged);
        } else {
          out.put(entry.getKey(), plain(value));
        }
      }
      return out;
    }
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    try (var parser = new YAMLMapper().createParser(yaml)) {
      return new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    }
  }

  private static List<JsonNode> documentsOf(Path file) {
    try (var parser = new YAMLMapper().createParser(file.toFile())) {
      return new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
