package dev.rootlock.report;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Level;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.Position;
import dev.rootlock.model.ScanResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import dev.rootlock.policy.checks.PodChecks;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made scan results for the report tests: several files (one with a space, one with non-ASCII
 * characters in its name), objects that pass and fail, findings on several containers, pod-level
 * findings, a Compose file, notes, an input error with and one without a position, and skipped
 * kinds.
 */
final class ReportFixtures {

  static final String POLICY = "hardened:latest";

  private ReportFixtures() {}

  /** The rules a scan could report: made-up definitions plus the real privileged check. */
  static ReportContext context(boolean colour) {
    List<CheckDefinition<?>> rules = new ArrayList<>();
    rules.add(rule("appArmorProfile", Level.BASELINE, "AppArmor must not be disabled."));
    rules.add(rule("hostNamespaces", Level.BASELINE, "Pods must not share host namespaces."));
    rules.addAll(PodChecks.registry().definitions());
    rules.add(
        rule(
            "readOnlyRootFilesystem",
            Level.HARDENED,
            "Containers must mount their root filesystem read-only."));
    return ReportContext.of("1.2.3", "https://example.org/rootlock", rules, colour);
  }

  private static CheckDefinition<Object> rule(String id, Level level, String summary) {
    return CheckDefinition.of(
        id, level, summary, VersionedCheck.since(0, subject -> CheckResult.ALLOWED));
  }

  /** Everything a scan can report at once. */
  static ScanResult sample() {
    List<ObjectResult> objects = new ArrayList<>();

    ObjectRef web = ref("deploy/web.yaml", 1, 1, 0, "apps/v1", "Deployment", "prod", "web");
    FieldPath containers = FieldPath.of("spec", "template", "spec", "containers");
    objects.add(
        failing(
            web,
            "violates rootlock policy \"hardened:latest\": host namespaces (hostNetwork=true),"
                + " readOnlyRootFilesystem != true (containers \"app\", \"sidecar\" must set"
                + " securityContext.readOnlyRootFilesystem=true)",
            new Finding(
                web,
                "hostNamespaces",
                "baseline",
                List.of(),
                "host namespaces",
                "hostNetwork=true",
                FieldPath.of("spec", "template", "spec", "hostNetwork"),
                new Position(15, 7, 301),
                List.of()),
            new Finding(
                web,
                "readOnlyRootFilesystem",
                "hardened",
                List.of("app", "sidecar"),
                "readOnlyRootFilesystem != true",
                "containers \"app\", \"sidecar\" must set"
                    + " securityContext.readOnlyRootFilesystem=true",
                containers.index(0).keys("securityContext", "readOnlyRootFilesystem"),
                new Position(20, 11, 402),
                List.of(
                    new Finding.Located(
                        containers.index(1).keys("securityContext", "readOnlyRootFilesystem"),
                        new Position(27, 11, 561))))));
    objects.add(
        passing(ref("deploy/web.yaml", 40, 1, 880, "apps/v1", "StatefulSet", "prod", "db")));

    ObjectRef nightly =
        ref("jobs/nightly batch.yaml", 1, 1, 0, "batch/v1", "CronJob", null, "nightly");
    objects.add(
        failing(
            nightly,
            "violates rootlock policy \"hardened:latest\": privileged (container \"setup\" must not"
                + " set securityContext.privileged=true)",
            new Finding(
                nightly,
                "privileged",
                "baseline",
                List.of("setup"),
                "privileged",
                "container \"setup\" must not set securityContext.privileged=true",
                FieldPath.of("spec", "jobTemplate", "spec", "template", "spec", "initContainers")
                    .index(0)
                    .keys("securityContext", "privileged"),
                new Position(14, 31, 377),
                List.of())));

    ObjectRef cafe = ref("pods/ünïcode.yaml", 1, 1, 0, "v1", "Pod", "dév", "café");
    String annotation = "container.apparmor.security.beta.kubernetes.io/wörker-☕";
    objects.add(
        failing(
            cafe,
            "violates rootlock policy \"hardened:latest\": forbidden AppArmor profile ("
                + annotation
                + "=\"unconfined\"), readOnlyRootFilesystem != true (container \"wörker-☕\" must"
                + " set securityContext.readOnlyRootFilesystem=true)",
            new Finding(
                cafe,
                "appArmorProfile",
                "baseline",
                List.of("wörker-☕"),
                "forbidden AppArmor profile",
                annotation + "=\"unconfined\"",
                FieldPath.of("metadata", "annotations").key(annotation),
                new Position(6, 5, 88),
                List.of()),
            new Finding(
                cafe,
                "readOnlyRootFilesystem",
                "hardened",
                List.of("wörker-☕"),
                "readOnlyRootFilesystem != true",
                "container \"wörker-☕\" must set securityContext.readOnlyRootFilesystem=true",
                FieldPath.of("spec", "containers")
                    .index(0)
                    .keys("securityContext", "readOnlyRootFilesystem"),
                new Position(11, 18, 240),
                List.of())));

    ObjectRef api = ref("compose.yaml", 2, 3, 12, null, "Service", null, "api");
    objects.add(
        new ObjectResult(
            api, true, "", List.of(), List.of("VOLUME /data in the image makes /data writable")));
    ObjectRef worker = ref("compose.yaml", 9, 3, 140, null, "Service", null, "worker");
    objects.add(
        failing(
            worker,
            "violates rootlock policy \"hardened:latest\": read_only != true (service \"worker\""
                + " must set read_only: true)",
            new Finding(
                worker,
                "readOnly",
                "hardened",
                List.of("worker"),
                "read_only != true",
                "service \"worker\" must set read_only: true",
                FieldPath.of("read_only"),
                new Position(9, 3, 140),
                List.of())));

    List<InputError> errors =
        List.of(
            new InputError(
                "broken.yaml", new Position(3, 7, 31), "mapping values are not allowed here"),
            new InputError("missing.yaml", null, "no such file or directory"));
    Map<String, Integer> skipped = new LinkedHashMap<>();
    skipped.put("ConfigMap", 2);
    skipped.put("Service", 4);
    skipped.put("Secret", 2);
    return new ScanResult(POLICY, objects, errors, skipped);
  }

  /** The example in docs/json-output.md: small, but with every kind of entry. */
  static ScanResult docsExample() {
    ObjectRef web = ref("k8s/web.yaml", 1, 1, 0, "apps/v1", "Deployment", "shop", "web");
    FieldPath containers = FieldPath.of("spec", "template", "spec", "containers");
    return new ScanResult(
        POLICY,
        List.of(
            failing(
                web,
                "violates rootlock policy \"hardened:latest\": readOnlyRootFilesystem != true"
                    + " (containers \"app\", \"log-shipper\" must set"
                    + " securityContext.readOnlyRootFilesystem=true)",
                new Finding(
                    web,
                    "readOnlyRootFilesystem",
                    "hardened",
                    List.of("app", "log-shipper"),
                    "readOnlyRootFilesystem != true",
                    "containers \"app\", \"log-shipper\" must set"
                        + " securityContext.readOnlyRootFilesystem=true",
                    containers.index(0).keys("securityContext", "readOnlyRootFilesystem"),
                    new Position(19, 11, 402),
                    List.of(
                        new Finding.Located(
                            containers.index(1).keys("securityContext", "readOnlyRootFilesystem"),
                            new Position(26, 9, 598))))),
            passing(ref("k8s/web.yaml", 34, 1, 700, "batch/v1", "Job", "shop", "migrate"))),
        List.of(
            new InputError(
                "k8s/broken.yaml", new Position(4, 9, 51), "could not find expected ':'")),
        Map.of("Service", 1));
  }

  /** A scan where everything passes and nothing else happened. */
  static ScanResult clean() {
    return new ScanResult(
        "restricted:v1.30",
        List.of(passing(ref("app.yaml", 1, 1, 0, "v1", "Pod", "default", "app"))),
        List.of(),
        Map.of());
  }

  /** What {@code reporter} writes for {@code result}. */
  static String render(Reporter reporter, ScanResult result) {
    StringWriter out = new StringWriter();
    try {
      reporter.write(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static ObjectRef ref(
      String file,
      int line,
      int column,
      int offset,
      String apiVersion,
      String kind,
      String namespace,
      String name) {
    return new ObjectRef(
        new SourceRef(file, new Position(line, column, offset)), apiVersion, kind, namespace, name);
  }

  static ObjectResult passing(ObjectRef object) {
    return new ObjectResult(object, true, "", List.of(), List.of());
  }

  static ObjectResult failing(ObjectRef object, String message, Finding... findings) {
    return new ObjectResult(object, false, message, List.of(findings), List.of());
  }
}
