package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} with a {@code .rootlock.yaml}, exemptions and a baseline, end to end. */
class ScanConfigTest {

  @TempDir Path dir;

  /** A Deployment that fails hardened only by readOnlyRootFilesystem (on both containers). */
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: billing
        namespace: shop
      spec:
        template:
          metadata:
            labels:
              app: billing
          spec:
            securityContext:
              runAsNonRoot: true
              runAsUser: 10001
              seccompProfile:
                type: RuntimeDefault
            containers:
              - name: billing
                image: registry.example/vendor/billing:7.3
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: ["ALL"]
              - name: shipper
                image: ghcr.io/example/shipper:1.0
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: ["ALL"]
      """;

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: debug
        namespace: shop
      spec:
        hostPID: true
        securityContext:
          runAsNonRoot: true
          runAsUser: 10001
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: debug
            image: busybox:1.36
            securityContext:
              readOnlyRootFilesystem: true
              allowPrivilegeEscalation: false
              capabilities:
                drop: ["ALL"]
      """;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void theNearestConfigAboveTheFileExemptsByImageAndTheAnnotationByContainer() throws IOException {
    write(
        ".rootlock.yaml",
        """
        exemptions:
          - checks: [readOnlyRootFilesystem]
            image: "registry.example/vendor/*"
            reason: "vendor image writes under /opt"
        """);
    Path manifest =
        write(
            "deploy/billing.yaml",
            DEPLOYMENT.replace(
                "      labels:\n",
                "      annotations:\n        rootlock.dev/exempt.shipper: \"readOnlyRootFilesystem: SEC-31\"\n      labels:\n"));
    CliRun run = CliRun.of("scan", "--color", "never", manifest.toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains("exempt:\n")
        .contains(
            "(exempt: vendor image writes under /opt; SEC-31 ["
                + dir.resolve(".rootlock.yaml")
                + ":2:5; annotation rootlock.dev/exempt.shipper in spec.template.metadata])")
        .endsWith("1 object scanned, none violate hardened:latest; 1 exempt\n");

    CliRun all = CliRun.of("scan", "--no-exemptions", "--color", "never", manifest.toString());
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(all.out())
        .doesNotContain("exempt")
        .endsWith("1 violates hardened:latest (1 finding)\n");
  }

  @Test
  void onlyOneContainerExemptStillFailsWithANote() throws IOException {
    write(
        ".rootlock.yaml",
        """
        exemptions:
          - checks: [readOnlyRootFilesystem]
            image: "registry.example/vendor/*"
            reason: "vendor image writes under /opt"
        """);
    Path manifest = write("billing.yaml", DEPLOYMENT);
    CliRun run = CliRun.of("scan", "--color", "never", manifest.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "note: readOnlyRootFilesystem: only billing of billing, shipper exempt ("
                + dir.resolve(".rootlock.yaml")
                + ":2:5), so the finding still counts");
  }

  @Test
  void anExpiredExemptionBringsTheFindingBackWithANote() throws IOException {
    write(
        ".rootlock.yaml",
        """
        exemptions:
          - checks: [hostNamespaces]
            name: debug
            reason: "incident 42"
            expires: 2020-01-31
        """);
    CliRun run = CliRun.of("scan", "--color", "never", write("pod.yaml", POD).toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "note: hostNamespaces is no longer exempt: the exemption ("
                + dir.resolve(".rootlock.yaml")
                + ":2:5) expired on 2020-01-31: incident 42");
  }

  @Test
  void underRestrictedTheMessageStaysPsasAndTheExitCodeFollowsTheExemption() throws IOException {
    write(
        ".rootlock.yaml",
        "level: restricted\nexemptions:\n  - checks: [hostNamespaces]\n    name: debug\n    reason: r\n");
    CliRun run = CliRun.of("scan", "-f", "json", write("pod.yaml", POD).toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains("\"policy\": \"restricted:latest\"")
        .contains("\"allowed\": true")
        .contains(
            "\"message\": \"violates PodSecurity \\\"restricted:latest\\\": host namespaces"
                + " (hostPID=true)\"");
  }

  @Test
  void aBadConfigIsOneLineNamingFileLineAndFieldAndExit2() throws IOException {
    write(
        ".rootlock.yaml",
        "exemptions:\n  - checks: [privileged]\n    reason: x\n    expires: 31.3.2027\n");
    CliRun run = CliRun.of("scan", write("pod.yaml", POD).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + dir.resolve(".rootlock.yaml")
                + ":4:14: exemptions[0].expires: \"31.3.2027\" is not a date: write YYYY-MM-DD\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aConfigGivenWithConfigThatDoesNotExistIsExit2() throws IOException {
    CliRun run =
        CliRun.of(
            "scan",
            "--config",
            dir.resolve("nope.yaml").toString(),
            write("pod.yaml", POD).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("error: --config: " + dir.resolve("nope.yaml") + ": no such file\n");
  }

  @Test
  void baselineRoundTrip() throws IOException {
    Path deployment = write("app/billing.yaml", DEPLOYMENT);
    Path pod = write("app/pod.yaml", POD);
    Path baseline = dir.resolve("baseline.json");

    CliRun written =
        CliRun.of("scan", "--write-baseline", baseline.toString(), dir.resolve("app").toString());
    assertThat(written.exitCode()).isEqualTo(0);
    assertThat(written.err()).isEqualTo("wrote 2 findings to " + baseline + "\n");
    assertThat(Files.readString(baseline))
        .isEqualTo(
            """
            {
              "version": 1,
              "tool": "rootlock",
              "findings": [
                {"file":"app/billing.yaml","kind":"Deployment","namespace":"shop","name":"billing","container":"billing,shipper","check":"readOnlyRootFilesystem","path":"spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem"},
                {"file":"app/pod.yaml","kind":"Pod","namespace":"shop","name":"debug","container":"","check":"hostNamespaces","path":"spec.hostPID"}
              ]
            }
            """);

    // An unrelated edit moves every line: nothing new.
    Files.writeString(deployment, "# owned by the billing team\n\n" + DEPLOYMENT);
    CliRun same = scanWith(baseline);
    assertThat(same.exitCode()).isEqualTo(0);
    assertThat(same.out()).endsWith("2 objects scanned, none violate hardened:latest; 2 exempt\n");

    // One new violation: exit 1, one finding counted.
    Files.writeString(
        pod,
        POD.replace(
            "readOnlyRootFilesystem: true",
            "readOnlyRootFilesystem: true\n        privileged: true"));
    CliRun added = scanWith(baseline);
    assertThat(added.exitCode()).isEqualTo(1);
    assertThat(added.out())
        .contains("2 objects scanned, 1 violates hardened:latest (1 finding); 2 exempt");

    // Fix the Deployment: its baseline entry is stale.
    Files.writeString(pod, POD);
    Files.writeString(
        deployment,
        DEPLOYMENT.replace(
            "allowPrivilegeEscalation: false",
            "allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true"));
    CliRun fixed = scanWith(baseline);
    assertThat(fixed.exitCode()).isEqualTo(0);
    assertThat(fixed.out())
        .contains(
            "stale baseline entries (fixed):\n  app/billing.yaml deployment/billing billing,shipper"
                + " readOnlyRootFilesystem"
                + " spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem\n")
        .endsWith(
            "2 objects scanned, none violate hardened:latest; 1 exempt; 1 stale baseline entry\n");
  }

  private CliRun scanWith(Path baseline) {
    return CliRun.of(
        "scan",
        "--color",
        "never",
        "--baseline",
        baseline.toString(),
        dir.resolve("app").toString());
  }

  @Test
  void aBaselineFromAnotherVersionIsOneLineAndExit2() throws IOException {
    Path baseline = write("baseline.json", "{\n  \"version\": 2,\n  \"findings\": []\n}\n");
    CliRun run =
        CliRun.of("scan", "--baseline", baseline.toString(), write("pod.yaml", POD).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + baseline
                + ":2:14: version: baseline version 2 is not 1, the version this rootlock reads;"
                + " write it again with --write-baseline\n");
  }

  @Test
  void theConfigsBaselineAndLevelApplyWithoutFlags() throws IOException {
    Path pod = write("pod.yaml", POD);
    CliRun written =
        CliRun.of("scan", "--write-baseline", dir.resolve("b.json").toString(), pod.toString());
    assertThat(written.exitCode()).isEqualTo(0);
    write(".rootlock.yaml", "level: baseline\nbaseline: b.json\n");
    CliRun run = CliRun.of("scan", "--color", "never", pod.toString());
    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).endsWith("1 object scanned, none violate baseline:latest; 1 exempt\n");
  }
}
