package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.kube.audit.KubeAudit;
import dev.rootlock.kube.client.KubeOptions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@code rootlock kube audit|readiness} through {@link Main#run}, against fabric8's mock
 * API server in CRUD mode, reached through a kubeconfig file exactly as a real cluster would be.
 */
class KubeCommandTest {

  @TempDir Path dir;

  private KubernetesMockServer server;
  private Path kubeconfig;

  @BeforeEach
  void start() throws IOException {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: mock
              cluster:
                server: %s
            users:
            - name: tester
              user:
                token: secret
            contexts:
            - name: mock
              context:
                cluster: mock
                user: tester
                namespace: shop
            current-context: mock
            """
                .formatted(server.url("/").replaceAll("/$", "")));
    try (KubernetesClient client = server.createClient()) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
          .create();
      client.pods().inNamespace("shop").resource(pod("hardened", true)).create();
      client.pods().inNamespace("shop").resource(pod("writable", null)).create();
    }
  }

  @AfterEach
  void stop() {
    server.destroy();
  }

  @Test
  void auditListsEveryContainerAndFailsOnTheWritableOne() {
    CliRun run = CliRun.of("kube", "audit", "--kubeconfig", kubeconfig.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            """
            NAMESPACE   OWNER   POD        CONTAINER   READONLY           CHECKS
            shop        -       hardened   app         true               -
            shop        -       writable   app         unset (writable)   readOnlyRootFilesystem

            NAMESPACE   OBJECTS   VIOLATING   CONTAINERS   READONLY
            shop        2         1           2            1
            hardened:latest: 1 of 2 objects violate, in 1 of 1 namespace
            """);
  }

  @Test
  void auditAsJsonIsTheScanDocument() {
    CliRun run = CliRun.of("kube", "audit", "--kubeconfig", kubeconfig.toString(), "-o", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("\"policy\": \"hardened:latest\"")
        .contains("\"check\": \"readOnlyRootFilesystem\"");
    assertThat(run.err())
        .isEqualTo(
            "note: -o json is taken as -f json (the format flag); -o ./json writes a file\n");
  }

  @Test
  void auditWritesItsReportToTheOutputFile() throws IOException {
    Path report = dir.resolve("audit.json");
    CliRun toFile =
        CliRun.of(
            "kube",
            "audit",
            "--kubeconfig",
            kubeconfig.toString(),
            "-f",
            "json",
            "-o",
            report.toString());
    CliRun toOut = CliRun.of("kube", "audit", "--kubeconfig", kubeconfig.toString(), "-f", "json");

    assertThat(toFile.exitCode()).isEqualTo(1);
    assertThat(toFile.out()).isEmpty();
    assertThat(Files.readString(report)).isEqualTo(toOut.out());
  }

  @Test
  void auditDrawsEachPageOnATerminal() throws Exception {
    StringWriter terminal = new StringWriter();
    Progress progress = new Progress(new PrintWriter(terminal), true);

    KubeAudit.run(
        KubeOptions.defaults().withContext(null, kubeconfig),
        new PageProgressLine(progress, "kube audit"));

    assertThat(terminal.toString())
        .isEqualTo("\rkube audit: 2 object(s) so far, listing pods in shop\033[K");
  }

  @Test
  void readinessDrawsEachPageOnATerminal() throws Exception {
    StringWriter terminal = new StringWriter();
    Progress progress = new Progress(new PrintWriter(terminal), true);

    dev.rootlock.kube.readiness.KubeReadiness.run(
        KubeOptions.defaults().withContext(null, kubeconfig),
        new PageProgressLine(progress, "kube readiness"));

    assertThat(terminal.toString())
        .isEqualTo("\rkube readiness: 2 object(s) so far, listing pods in shop\033[K");
  }

  @Test
  void readinessWritesItsReportToTheOutputFileAsTextOrJson() throws IOException {
    String kube = kubeconfig.toString();
    Path text = dir.resolve("readiness.txt");
    Path json = dir.resolve("readiness.json");

    CliRun toOut = CliRun.of("kube", "readiness", "--kubeconfig", kube);
    CliRun toText = CliRun.of("kube", "readiness", "--kubeconfig", kube, "-o", text.toString());
    CliRun toJson =
        CliRun.of("kube", "readiness", "--kubeconfig", kube, "-f", "json", "-o", json.toString());

    assertThat(toText.exitCode()).isEqualTo(toOut.exitCode()).isEqualTo(1);
    assertThat(toText.out()).isEmpty();
    assertThat(Files.readString(text)).isEqualTo(toOut.out());
    assertThat(toJson.exitCode()).isEqualTo(1);
    assertThat(toJson.out()).isEmpty();
    assertThat(Files.readString(json))
        .startsWith(
            """
            {
              "kind" : "rootlock.readiness",
              "version" : 1,
              "policy" : "hardened:latest",
              "namespaces" : [ {
                "namespace" : "shop",
                "labels" : { },
                "pods" : 2,
                "rejected" : 1,
                "exempt" : 0,
                "ready" : false,
                "warnings" : [\s"""
                + "\"");
  }

  @Test
  void readinessTakesMinusOJsonAsTheFormatAsTheOtherVerbsDo() {
    CliRun run =
        CliRun.of("kube", "readiness", "--kubeconfig", kubeconfig.toString(), "-o", "json");

    assertThat(run.out()).startsWith("{\n  \"kind\" : \"rootlock.readiness\"");
    assertThat(run.err())
        .isEqualTo(
            "note: -o json is taken as -f json (the format flag); -o ./json writes a file\n");
  }

  @Test
  void anUnwritableOutputFileIsTheSameOneLineInReadinessAsInAudit() {
    String missing = dir.resolve("no/such/dir/report").toString();
    String kube = kubeconfig.toString();

    CliRun readiness = CliRun.of("kube", "readiness", "--kubeconfig", kube, "-o", missing);
    CliRun audit = CliRun.of("kube", "audit", "--kubeconfig", kube, "-o", missing);

    assertThat(readiness.exitCode()).isEqualTo(audit.exitCode()).isEqualTo(2);
    assertThat(readiness.err())
        .isEqualTo(audit.err())
        .isEqualTo(
            "error: cannot write "
                + missing
                + ": no such directory "
                + dir.resolve("no/such/dir")
                + "\n");
  }

  @Test
  void readinessSaysProfileAsEveryVerbDoesAndKeepsLevelOutOfItsHelp() {
    String kube = kubeconfig.toString();
    CliRun byProfile = CliRun.of("kube", "readiness", "--kubeconfig", kube, "-p", "restricted");
    CliRun byLevel = CliRun.of("kube", "readiness", "--kubeconfig", kube, "--level", "restricted");
    CliRun help = CliRun.of("kube", "readiness", "--help");

    assertThat(byProfile.exitCode()).isZero();
    assertThat(byProfile.out()).contains("enforce restricted:latest").isEqualTo(byLevel.out());
    assertThat(help.out()).contains("-p, --profile=<level>").doesNotContain("--level");
  }

  @Test
  void readinessUsesTheApiServersWording() {
    CliRun run =
        CliRun.of(
            "kube", "readiness", "--kubeconfig", kubeconfig.toString(), "--level", "restricted");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("shop");
  }

  @Test
  void readinessTakesItsLevelFromTheConfigUnlessTheFlagNamesOne() throws IOException {
    Path config = Files.writeString(dir.resolve("restricted.yaml"), "level: restricted\n");
    String kube = kubeconfig.toString();

    CliRun byDefault = CliRun.of("kube", "readiness", "--kubeconfig", kube);
    CliRun byConfig =
        CliRun.of("kube", "readiness", "--kubeconfig", kube, "--config", config.toString());
    CliRun byFlag =
        CliRun.of(
            "kube",
            "readiness",
            "--kubeconfig",
            kube,
            "--config",
            config.toString(),
            "--level",
            "hardened");

    assertThat(byDefault.out())
        .isEqualTo(
            """
            namespace shop
              labels: none
              enforce hardened:latest: rejects 1 of 2 pods; labelling it now prints:
                Warning: existing pods in namespace "shop" violate the new rootlock enforce level \
            "hardened:latest"
                Warning: writable: readOnlyRootFilesystem != true
              rollout (warn, then audit, then enforce once nothing is rejected):
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            rootlock.dev/warn=hardened rootlock.dev/warn-version=latest
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            rootlock.dev/audit=hardened rootlock.dev/audit-version=latest
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            rootlock.dev/enforce=hardened rootlock.dev/enforce-version=latest

            hardened:latest: 0 of 1 namespace is ready to enforce
            """
                .formatted(kube));
    assertThat(byConfig.out())
        .isEqualTo(
            """
            namespace shop
              labels: none
              enforce restricted:latest: rejects none of 2 pods
              rollout (warn, then audit, then enforce once nothing is rejected):
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            pod-security.kubernetes.io/warn=restricted pod-security.kubernetes.io/warn-version=latest
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            pod-security.kubernetes.io/audit=restricted pod-security.kubernetes.io/audit-version=latest
                kubectl --kubeconfig %1$s label --overwrite namespace shop \
            pod-security.kubernetes.io/enforce=restricted \
            pod-security.kubernetes.io/enforce-version=latest

            restricted:latest: 1 of 1 namespace is ready to enforce
            """
                .formatted(kube));
    assertThat(byConfig.exitCode()).isZero();
    assertThat(byFlag.out()).isEqualTo(byDefault.out());
    assertThat(byFlag.exitCode()).isEqualTo(byDefault.exitCode());
  }

  @Test
  void anUnknownOutputIsAUsageError() {
    CliRun run = CliRun.of("kube", "audit", "--kubeconfig", kubeconfig.toString(), "-o", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: -o yaml: not a format here; --format takes text, wide, json, sarif, junit"
                + " (write -o ./yaml for a file of that name)\n");
  }

  @Test
  void aMissingKubeconfigIsOneClearLine() {
    CliRun run = CliRun.of("kube", "audit", "--kubeconfig", dir.resolve("none").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: ").doesNotContain("\tat ").hasLineCount(1);
  }

  /** A restricted pod; {@code readOnly} is its container's readOnlyRootFilesystem (null: unset). */
  private static Pod pod(String name, Boolean readOnly) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("app")
        .withImage("ghcr.io/example/app:1")
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(readOnly)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .endContainer()
        .endSpec()
        .build();
  }
}
