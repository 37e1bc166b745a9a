package dev.rootlock.kube.audit;

import static dev.rootlock.kube.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.config.ConfigReader;
import dev.rootlock.config.RootlockConfig;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ExemptionRules;
import dev.rootlock.engine.ScanRequest;
import dev.rootlock.kube.TestApiServer;
import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Level;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.ScanResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config, two ways in: the pods scanned as manifests and the same pods audited through
 * fabric8's mock API server give the same exempt set (object and check), by config and by
 * annotation alike.
 */
class KubeAuditExemptionsTest {

  private static final String CONFIG =
      """
      exemptions:
        - checks: [privileged]
          namespace: shop
          name: "web-*"
          reason: "legacy; SEC-7"
        - checks: [readOnlyRootFilesystem]
          image: "nginx"
          reason: "nginx writes its cache"
      """;

  @TempDir Path dir;

  @RegisterExtension final TestApiServer api = new TestApiServer();
  private final KubernetesClient client = api.client();

  private List<Pod> pods() {
    Pod annotated = pod("shop", "db", true, true, null);
    annotated
        .getMetadata()
        .setAnnotations(java.util.Map.of("rootlock.dev/exempt.app", "privileged: vendor chart"));
    return List.of(
        pod("shop", "web-1", true, true, null),
        pod("shop", "api", true, true, null),
        pod("shop", "cache", false, null, null),
        annotated);
  }

  @Test
  void scanAndKubeAuditAgreeOnTheExemptSet() throws Exception {
    Path configFile = Files.writeString(dir.resolve(".rootlock.yaml"), CONFIG);
    Engine engine = Engine.standard();
    RootlockConfig config = ConfigReader.read(configFile, engine.checkIds());
    ExemptionRules rules = ExemptionRules.of(config.exemptions(), LocalDate.of(2026, 12, 6));

    StringBuilder manifests = new StringBuilder();
    for (Pod pod : pods()) {
      client.resource((HasMetadata) pod).create();
      manifests.append("---\n").append(Serialization.asYaml(pod));
    }
    ScanResult scanned =
        engine.scan(
            new ScanRequest(
                List.of("-"),
                dev.rootlock.model.LevelVersion.of(Level.HARDENED, PolicyVersion.LATEST),
                new ByteArrayInputStream(manifests.toString().getBytes(StandardCharsets.UTF_8)),
                dev.rootlock.engine.InputType.KUBERNETES,
                null,
                false,
                null,
                rules));
    ScanResult audited =
        KubeAudit.scan(
            client, KubeOptions.defaults().withNamespace("shop").withExemptions(rules), 500);

    Set<String> expected =
        Set.of("web-1 privileged", "db privileged", "cache readOnlyRootFilesystem");
    assertThat(exemptSet(scanned)).isEqualTo(expected);
    assertThat(exemptSet(audited)).isEqualTo(expected);
    assertThat(audited.objects())
        .filteredOn(object -> object.object().name().equals("api"))
        .singleElement()
        .satisfies(object -> assertThat(object.allowed()).isFalse());

    KubeAuditReport table =
        KubeAudit.run(
            client, KubeOptions.defaults().withNamespace("shop").withExemptions(rules), 500);
    assertThat(table.rows())
        .filteredOn(row -> row.pod().equals("cache"))
        .singleElement()
        .satisfies(row -> assertThat(row.checks()).contains("readOnlyRootFilesystem(exempt)"));
  }

  @Test
  void withoutExemptionsNothingIsExempt() throws Exception {
    for (Pod pod : pods()) {
      client.resource((HasMetadata) pod).create();
    }
    ScanResult audited = KubeAudit.scan(client, KubeOptions.defaults().withNamespace("shop"), 500);
    assertThat(exemptSet(audited)).isEmpty();
    assertThat(audited.exitCode()).isEqualTo(1);
  }

  private static Set<String> exemptSet(ScanResult result) {
    Set<String> set = new TreeSet<>();
    for (ObjectResult object : result.objects()) {
      for (Finding finding : object.exemptFindings()) {
        set.add(object.object().name() + " " + finding.check());
      }
    }
    return set;
  }
}
