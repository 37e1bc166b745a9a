package dev.rootlock.kube.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rootlock.kube.decode.ApiObjects;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.checks.PodChecks;
import dev.rootlock.testing.SharedData;
import dev.rootlock.testing.SharedDataPresent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof behind {@code rootlock policy export}: every exported validation, evaluated by Google's
 * CEL for Java on the object as the API server hands it to admission, gives the engine's verdict
 * and the engine's words ({@code reason (detail)}) for the same check, on every pod and pod
 * template of PSA's fixtures and of the shared corpus, and on cases written here.
 */
@ExtendWith(SharedDataPresent.class)
class CelEquivalenceTest {

  private static final Path SHARED = SharedData.root();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
  private static final List<String> KINDS =
      List.of(
          "Pod",
          "PodTemplate",
          "ReplicationController",
          "DaemonSet",
          "Deployment",
          "ReplicaSet",
          "StatefulSet",
          "CronJob",
          "Job");

  private static ExportedPolicy policy;

  @BeforeAll
  static void compileTheExport() throws Exception {
    policy = new ExportedPolicy(VapExport.yaml(LevelVersion.parse("hardened:latest")));
  }

  @Test
  void everyExportedValidationAgreesWithTheEngineOnEveryFixtureAndCorpusObject() throws Exception {
    Tally fixtures = compareAll(SHARED.resolve("psa-fixtures"));
    Tally corpus = compareAll(SHARED.resolve("corpus/k8s"));

    assertThat(fixtures.differences).as("PSA fixtures: first differences").isEmpty();
    assertThat(corpus.differences).as("corpus: first differences").isEmpty();
    // The counts docs/vap.md reports; they change only when the shared data does.
    System.out.printf(
        "CEL equivalence: fixtures %d objects (%d failing %s), corpus %d objects (%d failing %s)%n",
        fixtures.objects,
        fixtures.failing,
        fixtures.failingByCheck,
        corpus.objects,
        corpus.failing,
        corpus.failingByCheck);
    // Every exported check must fail somewhere in the corpus, or its comparison proves little;
    // no corpus object mounts a system path writable, so writableSystemPaths is held to the
    // engine by the cases and the generated paths below.
    assertThat(corpus.failingByCheck.keySet())
        .containsExactly(
            ReadOnlyRootFilesystemCel.ID, SensitiveHostPathsCel.ID, UnboundedMemoryVolumesCel.ID);
    assertThat(fixtures.objects).isGreaterThan(100);
    assertThat(corpus.objects).isGreaterThan(1000);
    // Both verdicts must occur, or the comparison proves little.
    assertThat(fixtures.failing).isBetween(1, fixtures.objects - 1);
    assertThat(corpus.failing).isBetween(1, corpus.objects - 1);
  }

  @Test
  void ownCasesCoverInitEphemeralWindowsAndEveryKind() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - {name: init, image: x}
          containers:
            - {name: app, image: x, securityContext: {readOnlyRootFilesystem: true}}
            - {name: side, image: x, securityContext: {readOnlyRootFilesystem: false}}
          ephemeralContainers:
            - {name: debug, image: x, securityContext: {}}
        """;
    assertThat(compare(pod))
        .isEqualTo(
            "readOnlyRootFilesystem != true (containers \"init\", \"side\", \"debug\" must set"
                + " securityContext.readOnlyRootFilesystem=true)");

    String one =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: app, image: x}
        """;
    assertThat(compare(one))
        .isEqualTo(
            "readOnlyRootFilesystem != true (container \"app\" must set"
                + " securityContext.readOnlyRootFilesystem=true)");

    String windows =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          os: {name: windows}
          containers:
            - {name: app, image: x}
        """;
    assertThat(compare(windows)).isEmpty();

    String linux = windows.replace("windows", "linux");
    assertThat(compare(linux)).startsWith("readOnlyRootFilesystem != true (container \"app\"");

    String template = "{containers: [{name: app, image: x}]}";
    String message =
        "readOnlyRootFilesystem != true (container \"app\" must set"
            + " securityContext.readOnlyRootFilesystem=true)";
    for (String object :
        List.of(
            "{apiVersion: v1, kind: PodTemplate, metadata: {name: t}, template: {spec: %s}}",
            "{apiVersion: v1, kind: ReplicationController, metadata: {name: t},"
                + " spec: {template: {spec: %s}}}",
            "{apiVersion: apps/v1, kind: Deployment, metadata: {name: t},"
                + " spec: {selector: {}, template: {spec: %s}}}",
            "{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: t},"
                + " spec: {selector: {}, template: {spec: %s}}}",
            "{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: t},"
                + " spec: {selector: {}, template: {spec: %s}}}",
            "{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: t},"
                + " spec: {selector: {}, template: {spec: %s}}}",
            "{apiVersion: batch/v1, kind: Job, metadata: {name: t}, spec: {template: {spec: %s}}}",
            "{apiVersion: batch/v1, kind: CronJob, metadata: {name: t},"
                + " spec: {schedule: '@daily', jobTemplate: {spec: {template: {spec: %s}}}}}")) {
      assertThat(compare(object.formatted(template))).as(object).isEqualTo(message);
      String hardened =
          template.replace("image: x", "image: x, securityContext: {readOnlyRootFilesystem: true}");
      assertThat(compare(object.formatted(hardened))).as(object).isEmpty();
    }
  }

  @Test
  void memoryVolumesNeedASizeLimitOrALimitOnEveryWriter() throws Exception {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          volumes:
            - {name: run, emptyDir: {medium: Memory}}
            - {name: shm, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
            - {name: ro, emptyDir: {medium: Memory}}
            - {name: disk, emptyDir: {}}
            - {name: tmp, emptyDir: {medium: Memory}}
          initContainers:
            - name: init
              image: x
              securityContext: {readOnlyRootFilesystem: true}
              volumeMounts: [{name: run, mountPath: /run}, {name: disk, mountPath: /d}]
          containers:
            - name: app
              image: x
              securityContext: {readOnlyRootFilesystem: true}
              resources: {limits: {memory: 0Mi}}
              volumeMounts: [{name: tmp, mountPath: /tmp}, {name: shm, mountPath: /dev/shm}]
            - name: side
              image: x
              securityContext: {readOnlyRootFilesystem: true}
              resources: {limits: {memory: 64Mi}}
              volumeMounts: [{name: run, mountPath: /run}]
            - name: reader
              image: x
              securityContext: {readOnlyRootFilesystem: true}
              volumeMounts: [{name: ro, mountPath: /ro, readOnly: true}]
        """;
    assertThat(compare(pod))
        .isEqualTo(
            "unbounded memory volumes (volumes \"run\", \"tmp\" must set emptyDir.sizeLimit or"
                + " containers \"init\", \"app\" must set resources.limits.memory)");
    String one = pod.replace("memory: 0Mi", "memory: 128Mi");
    assertThat(compare(one))
        .isEqualTo(
            "unbounded memory volume (volume \"run\" must set emptyDir.sizeLimit or"
                + " container \"init\" must set resources.limits.memory)");
  }

  /** A pod whose containers are read-only and mount what {@code mounts} lists, per container. */
  private static String podMounting(String volumes, String... mounts) {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n");
    yaml.append("  volumes: ").append(volumes).append('\n');
    yaml.append("  initContainers:\n");
    yaml.append("    - {name: init, image: x, securityContext: {readOnlyRootFilesystem: true},")
        .append(" volumeMounts: ")
        .append(mounts[0])
        .append("}\n");
    yaml.append("  containers:\n");
    for (int i = 1; i < mounts.length; i++) {
      yaml.append("    - {name: c")
          .append(i)
          .append(", image: x,")
          .append(" securityContext: {readOnlyRootFilesystem: true}, volumeMounts: ")
          .append(mounts[i])
          .append("}\n");
    }
    return yaml.toString();
  }

  @Test
  void everySystemPathIsRefusedWritableHoweverItIsSpelled() throws Exception {
    String volumes = "[{name: v, emptyDir: {}}]";
    for (String path : WritableSystemPathsCel.SYSTEM_PATHS) {
      assertThat(compare(podMounting(volumes, "[]", "[{name: v, mountPath: '" + path + "'}]")))
          .isEqualTo(
              "writable system path (container \"c1\" must not mount volume \"v\" writable at \""
                  + path
                  + "\")");
      assertThat(
              compare(
                  podMounting(
                      volumes, "[]", "[{name: v, mountPath: '" + path + "', readOnly: true}]")))
          .isEmpty();
    }
    Map<String, String> spellings =
        Map.of(
            "//usr/./bin/", "/usr/bin",
            "/usr/lib/../bin", "/usr/bin",
            "/../etc", "/etc",
            "etc", "/etc",
            "/a/../../b/../etc/", "/etc",
            "/etc/..", "/",
            "/.", "/",
            "./usr/local/./sbin//", "/usr/local/sbin");
    for (var spelling : spellings.entrySet()) {
      assertThat(
              compare(
                  podMounting(
                      volumes, "[]", "[{name: v, mountPath: '" + spelling.getKey() + "'}]")))
          .as(spelling.getKey())
          .isEqualTo(
              "writable system path (container \"c1\" must not mount volume \"v\" writable at \""
                  + spelling.getValue()
                  + "\")");
    }
    for (String other : List.of("/usr/local", "/etc/app", "/usr/lib/../local", "/tmp", "/lib/x")) {
      assertThat(compare(podMounting(volumes, "[]", "[{name: v, mountPath: '" + other + "'}]")))
          .as(other)
          .isEmpty();
    }
  }

  @Test
  void readOnlySourcesAreAllowedAnywhereAndTheFirstVolumeOfANameDecides() throws Exception {
    for (String source :
        List.of(
            "configMap: {name: c}",
            "secret: {secretName: s}",
            "downwardAPI: {}",
            "projected: {sources: []}")) {
      assertThat(
              compare(
                  podMounting("[{name: v, " + source + "}]", "[]", "[{name: v, mountPath: /etc}]")))
          .as(source)
          .isEmpty();
    }
    // Two sources, one of them writable: not always read-only.
    assertThat(
            compare(
                podMounting(
                    "[{name: v, configMap: {name: c}, emptyDir: {}}]",
                    "[]",
                    "[{name: v, mountPath: /etc}]")))
        .startsWith("writable system path (container \"c1\"");
    // A mount of a volume the pod does not have.
    assertThat(
            compare(
                podMounting(
                    "[{name: v, configMap: {name: c}}]", "[]", "[{name: w, mountPath: /bin}]")))
        .isEqualTo(
            "writable system path (container \"c1\" must not mount volume \"w\" writable at"
                + " \"/bin\")");
    assertThat(
            compare(
                podMounting(
                    "[{name: v, configMap: {name: c}}, {name: v, emptyDir: {}}]",
                    "[]",
                    "[{name: v, mountPath: /etc}]")))
        .isEmpty();
    assertThat(
            compare(
                podMounting(
                    "[{name: v, emptyDir: {}}, {name: v, configMap: {name: c}}]",
                    "[]",
                    "[{name: v, mountPath: /etc}]")))
        .startsWith("writable system path (container \"c1\"");
  }

  @Test
  void severalMountsNameTheContainersInVisitingOrderAndThePathsSorted() throws Exception {
    String pod =
        podMounting(
            "[{name: v, emptyDir: {}}, {name: w, emptyDir: {}}]",
            "[{name: v, mountPath: /}]",
            "[{name: w, mountPath: /usr/bin}, {name: v, mountPath: /etc}, {name: v, mountPath: /x}]",
            "[{name: v, mountPath: /data}]",
            "[{name: w, mountPath: '/etc/'}]");
    assertThat(compare(pod))
        .isEqualTo(
            "writable system path (containers \"init\", \"c1\", \"c3\" must not mount writable"
                + " volumes at \"/\", \"/etc\", \"/usr/bin\")");
    // Windows pods are not exempt from this check.
    assertThat(compare(pod.replace("spec:\n", "spec:\n  os: {name: windows}\n")))
        .startsWith("writable system path (containers \"init\", \"c1\", \"c3\"");
  }

  @Test
  void sensitiveHostPathsAreRefusedAsTheEngineRefusesThem() throws Exception {
    String volumes =
        "[{name: sock, hostPath: {path: '//var/run/./docker.sock'}},"
            + " {name: root, hostPath: {path: '/etc/..'}},"
            + " {name: proc, hostPath: {path: /proc/sys}},"
            + " {name: dev, hostPath: {path: /dev}},"
            + " {name: crio, hostPath: {path: /run/crio/}},"
            + " {name: data, hostPath: {path: /data}},"
            + " {name: rel, hostPath: {path: var/run/docker.sock}},"
            + " {name: cfg, configMap: {name: c}}]";
    // proc is mounted read-only, dev writable; sock, root and crio fail however mounted or not.
    String pod =
        podMounting(
            volumes,
            "[{name: proc, mountPath: /p, readOnly: true}]",
            "[{name: dev, mountPath: /d}, {name: sock, mountPath: /s, readOnly: true}]",
            "[{name: data, mountPath: /data}]");
    assertThat(compare(pod))
        .isEqualTo(
            "sensitive host paths (volume \"sock\" mounts host path \"//var/run/./docker.sock\""
                + " (container runtime socket), volume \"root\" mounts host path \"/etc/..\""
                + " (host root), volume \"dev\" mounts host path \"/dev\" writable,"
                + " volume \"crio\" mounts host path \"/run/crio/\" (container runtime"
                + " socket))");
    // Writable /proc fails too; nothing sensitive passes.
    assertThat(
            compare(
                pod.replace(
                    "{name: proc, mountPath: /p, readOnly: true}", "{name: proc, mountPath: /p}")))
        .contains("volume \"proc\" mounts host path \"/proc/sys\" writable");
    assertThat(
            compare(
                podMounting(
                    "[{name: data, hostPath: {path: /data}}, {name: rel, hostPath: {path: proc}},"
                        + " {name: run2, hostPath: {path: /run2}}, {name: sys, hostPath: {path: /sys}}]",
                    "[{name: rel, mountPath: /r}]",
                    "[{name: sys, mountPath: /s, readOnly: true}]")))
        .isEmpty();
    for (String path :
        List.of(
            "/var/lib/../../run/containerd",
            "/x/../var/run/crio.sock",
            "/a/b/../../podman.sock",
            "/run/podman",
            "/var/run/containerd/containerd.sock")) {
      assertThat(compare(podMounting("[{name: v, hostPath: {path: '" + path + "'}}]", "[]", "[]")))
          .as(path)
          .isEqualTo(
              "sensitive host paths (volume \"v\" mounts host path \""
                  + path
                  + "\" (container runtime socket))");
    }
  }

  @Test
  void aHostPathWithDotDotBeyondTheIndexListIsRefusedUnresolved() throws Exception {
    String path = "/a/..".repeat(10) + "/data";
    String yaml = podMounting("[{name: v, hostPath: {path: '" + path + "'}}]", "[]", "[]");
    JsonNode api = asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    Pod pod = ApiObjects.workload(api, SourceRef.of("cluster:test")).orElseThrow().pod();
    // The engine resolves it to /data and allows it; the export refuses it, saying why.
    assertThat(engineResult(SensitiveHostPathsCel.ID, pod).allowed()).isTrue();
    ExportedPolicy.Outcome cel =
        policy.evaluate(CelObjects.of(api), Map.of()).stream()
            .filter(o -> o.checkId().equals(SensitiveHostPathsCel.ID))
            .findFirst()
            .orElseThrow();
    assertThat(cel.allowed()).isFalse();
    assertThat(cel.message())
        .isEqualTo(
            "sensitive host paths (volume \"v\" mounts host path \"" + path + "\" (unresolved))");
  }

  @Test
  void generatedMountPathsNormaliseAsTheEngineDoes() throws Exception {
    // Seeded, so a failure names a case that can be re-run.
    java.util.Random random = new java.util.Random(16);
    List<String> segments = List.of("", ".", "..", "..", "usr", "bin", "etc", "lib", "local", "x");
    int failing = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder path = new StringBuilder(random.nextBoolean() ? "/" : "");
      int length = 1 + random.nextInt(9);
      for (int s = 0; s < length; s++) {
        path.append(s == 0 ? "" : "/").append(segments.get(random.nextInt(segments.size())));
      }
      if (path.isEmpty()) {
        continue;
      }
      String message =
          compare(
              podMounting(
                  "[{name: v, emptyDir: {}}]", "[]", "[{name: v, mountPath: '" + path + "'}]"));
      failing += message.isEmpty() ? 0 : 1;
    }
    // Both verdicts must occur often, or the comparison proves little.
    System.out.printf("writableSystemPaths: 1500 generated mount paths, %d refused%n", failing);
    assertThat(failing).isBetween(150, 1350);
  }

  @Test
  void aPathWithDotDotBeyondTheIndexListIsRefusedUnresolved() throws Exception {
    String path = "/a/..".repeat(40) + "/tmp";
    String yaml =
        podMounting("[{name: v, emptyDir: {}}]", "[]", "[{name: v, mountPath: '" + path + "'}]");
    JsonNode api = asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    Pod pod = ApiObjects.workload(api, SourceRef.of("cluster:test")).orElseThrow().pod();
    // The engine resolves it to /tmp and allows it ...
    assertThat(engineResult(WritableSystemPathsCel.ID, pod).allowed()).isTrue();
    // ... the export cannot resolve 81 segments with its 16 indices, and refuses it, saying so.
    ExportedPolicy.Outcome cel =
        policy.evaluate(CelObjects.of(api), Map.of()).stream()
            .filter(o -> o.checkId().equals(WritableSystemPathsCel.ID))
            .findFirst()
            .orElseThrow();
    assertThat(cel.allowed()).isFalse();
    assertThat(cel.message())
        .isEqualTo(
            "writable system path (container \"c1\" must not mount volume \"v\" writable at \"?"
                + path
                + "\")");
  }

  @Test
  void aPodOfFiftyContainersStaysFarBelowKubernetesCostLimit() throws Exception {
    StringBuilder containers = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      containers.append("    - {name: c").append(i).append(", image: x}\n");
    }
    String yaml =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n" + containers;
    JsonNode api = asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    assertThat(compare(yaml))
        .startsWith("readOnlyRootFilesystem != true (containers \"c0\", \"c1\"");
    long nodes = policy.evaluatedNodes(CelObjects.of(api));
    System.out.printf("CEL cost: %d expression nodes evaluated for 50 containers%n", nodes);
    // Kubernetes allows 1,000,000 cost units per expression and 10,000,000 per policy; even at
    // ten units a node this policy uses under a hundredth of the per-expression limit.
    assertThat(nodes).isBetween(50L * 3, 10_000L);

    // The worst case for writableSystemPaths: every container mounts a path with '..' in it, of
    // the most segments the export resolves; each costs a walk quadratic in its segments.
    int pairs = (WritableSystemPathsCel.MAX_SEGMENTS - 1) / 2;
    String deep = "/x/..".repeat(pairs) + "/etc";
    String[] mounts = new String[51];
    java.util.Arrays.fill(mounts, "[{name: v, mountPath: '" + deep + "'}]");
    String worst = podMounting("[{name: v, emptyDir: {}}]", mounts);
    assertThat(compare(worst)).startsWith("writable system path (containers \"init\", \"c1\"");
    long worstNodes =
        policy.evaluatedNodes(
            CelObjects.of(asTheApiServerReturnsIt(new YAMLMapper().readTree(worst))));
    System.out.printf(
        "CEL cost: %d expression nodes evaluated for 51 containers with %d-segment '..' mounts%n",
        worstNodes, 2 * pairs + 1);
    assertThat(worstNodes).isBetween(51L * (2 * pairs + 1) * (2 * pairs + 1), 250_000L);
  }

  /**
   * Compares CEL and the engine on one object; fails on any difference and returns the (shared)
   * messages of the failing checks joined by "; ", empty when both allow it.
   */
  private static String compare(String yaml) throws Exception {
    JsonNode api = asTheApiServerReturnsIt(new YAMLMapper().readTree(yaml));
    assertThat(api).as("the API server would accept %s", yaml).isNotNull();
    List<String> differences = new ArrayList<>();
    String message = compare(api, "own case", differences);
    assertThat(differences).isEmpty();
    return message;
  }

  private static final class Tally {
    int objects;
    int failing;
    final Map<String, Integer> failingByCheck = new java.util.TreeMap<>();
    final List<String> differences = new ArrayList<>();
  }

  private static Tally compareAll(Path root) throws Exception {
    Tally tally = new Tally();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    List<String> all = new ArrayList<>();
    for (Path file : files) {
      for (JsonNode document : documents(file)) {
        if (!KINDS.contains(document.path("kind").asText(""))) {
          continue;
        }
        JsonNode api = asTheApiServerReturnsIt(document);
        if (api == null) {
          continue;
        }
        String message = compare(api, file.toString(), all);
        tally.objects++;
        if (!message.isEmpty()) {
          tally.failing++;
          for (String id : policy.checkIds()) {
            if (message.startsWith(prefixOf(id)) || message.contains("; " + prefixOf(id))) {
              tally.failingByCheck.merge(id, 1, Integer::sum);
            }
          }
        }
      }
    }
    tally.differences.addAll(all.subList(0, Math.min(5, all.size())));
    if (all.size() > 5) {
      tally.differences.add("... " + (all.size() - 5) + " more");
    }
    return tally;
  }

  /** Adds a line to {@code differences} for each check where CEL and the engine disagree. */
  private static String compare(JsonNode api, String where, List<String> differences)
      throws Exception {
    Optional<Workload> workload = ApiObjects.workload(api, SourceRef.of("cluster:test"));
    if (workload.isEmpty()) {
      differences.add(where + ": the engine decodes no workload");
      return "";
    }
    Pod pod = workload.get().pod();
    Map<String, Object> object = CelObjects.of(api);
    String shared = "";
    for (ExportedPolicy.Outcome outcome : policy.evaluate(object, Map.of())) {
      CheckResult engine = engineResult(outcome.checkId(), pod);
      String engineMessage =
          engine.allowed()
              ? ""
              : engine.detail().isEmpty()
                  ? engine.reason()
                  : engine.reason() + " (" + engine.detail() + ")";
      if (engine.allowed() != outcome.allowed() || !engineMessage.equals(outcome.message())) {
        differences.add(
            where
                + " "
                + workload.get().displayName()
                + " "
                + outcome.checkId()
                + ": engine ["
                + engineMessage
                + "] CEL ["
                + outcome.message()
                + "]");
      }
      if (!outcome.message().isEmpty()) {
        shared = shared.isEmpty() ? outcome.message() : shared + "; " + outcome.message();
      }
    }
    return shared;
  }

  private static String prefixOf(String id) {
    return switch (id) {
      case ReadOnlyRootFilesystemCel.ID -> "readOnlyRootFilesystem != true";
      case UnboundedMemoryVolumesCel.ID -> "unbounded memory volume";
      case WritableSystemPathsCel.ID -> "writable system path";
      case SensitiveHostPathsCel.ID -> "sensitive host paths";
      default -> throw new IllegalArgumentException(id);
    };
  }

  /** The check's newest implementation; the hardened checks have one, from v1.0. */
  private static CheckResult engineResult(String id, Pod pod) {
    for (Check<Pod> check : PodChecks.all()) {
      var definition = check.definition();
      if (definition.id().equals(id)) {
        return definition.versions().getLast().function().check(pod);
      }
    }
    throw new IllegalStateException("no check " + id);
  }

  private static List<JsonNode> documents(Path file) {
    try (var parser = new YAMLMapper().createParser(file.toFile())) {
      return new YAMLMapper().readValues(parser, JsonNode.class).readAll();
    } catch (IOException | RuntimeException e) {
      return List.of(); // Broken or templated manifests: the reader's tests cover them.
    }
  }

  /**
   * Through fabric8's typed model and back, which drops unknown fields and refuses wrongly typed
   * ones as the API server does; null when the API server would refuse the object.
   */
  static JsonNode asTheApiServerReturnsIt(JsonNode document) {
    if (document == null || !document.isObject()) {
      return null;
    }
    try {
      Object typed = FABRIC8.unmarshal(document.toString());
      return JSON.readTree(FABRIC8.asJson(typed));
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }
}
