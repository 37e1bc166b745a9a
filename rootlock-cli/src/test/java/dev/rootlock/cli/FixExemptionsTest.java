package dev.rootlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fix} honours the same exemptions as {@code scan}: it never changes a field of a check that
 * is exempt for the object or the container, and says so in a note.
 */
class FixExemptionsTest {

  @TempDir Path dir;

  /** Fails hardened only by readOnlyRootFilesystem, on both containers. */
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

  private static final String VENDOR_BY_IMAGE =
      """
      exemptions:
        - checks: [readOnlyRootFilesystem]
          image: "registry.example/vendor/*"
          reason: "vendor image writes under /opt"
      """;

  private static final String EXPIRED =
      """
      exemptions:
        - checks: [readOnlyRootFilesystem]
          name: billing
          reason: "incident 42"
          expires: 2020-01-31
      """;

  /** The diff when only the shipper container is fixed. */
  private static final String SHIPPER_ONLY =
      """
      @@ -27,3 +27,12 @@
                   allowPrivilegeEscalation: false
                   capabilities:
                     drop: ["ALL"]
      +            readOnlyRootFilesystem: true
      +          volumeMounts:
      +            - name: tmp
      +              mountPath: /tmp
      +      volumes:
      +        - name: tmp
      +          emptyDir:
      +            medium: Memory
      +            sizeLimit: 64Mi
      """;

  /** The diff when both containers are fixed. */
  private static final String BOTH =
      """
      @@ -21,9 +21,22 @@
                   allowPrivilegeEscalation: false
                   capabilities:
                     drop: ["ALL"]
      +            readOnlyRootFilesystem: true
      +          volumeMounts:
      +            - name: tmp
      +              mountPath: /tmp
               - name: shipper
                 image: ghcr.io/example/shipper:1.0
                 securityContext:
                   allowPrivilegeEscalation: false
                   capabilities:
                     drop: ["ALL"]
      +            readOnlyRootFilesystem: true
      +          volumeMounts:
      +            - name: tmp
      +              mountPath: /tmp
      +      volumes:
      +        - name: tmp
      +          emptyDir:
      +            medium: Memory
      +            sizeLimit: 64Mi
      """;

  private static final String OBJECT_ANNOTATION =
      """
        annotations:
          rootlock.dev/exempt: "readOnlyRootFilesystem: CSI driver writes /opt"
      """;

  private static final String SHIPPER_ANNOTATION =
      """
            annotations:
              rootlock.dev/exempt.shipper: "readOnlyRootFilesystem: SEC-31"
      """;

  /**
   * Each row: the config ({@code null}: none), the annotations added to the metadata and to the pod
   * template, extra flags, then the exit code, the diff (empty: none) and the notes, where {@code
   * CONFIG} stands for the config file's path.
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "config image glob exempts the vendor container only",
            VENDOR_BY_IMAGE,
            "",
            "",
            List.of(),
            1,
            SHIPPER_ONLY,
            List.of(
                "note: deployment/billing: container \"billing\": readOnlyRootFilesystem left as"
                    + " written (exempt: vendor image writes under /opt [CONFIG:2:5])")),
        Arguments.of(
            "object annotation exempts every container",
            null,
            OBJECT_ANNOTATION,
            "",
            List.of(),
            0,
            "",
            List.of(
                "note: deployment/billing: container \"billing\": readOnlyRootFilesystem left as"
                    + " written (exempt: CSI driver writes /opt [annotation rootlock.dev/exempt"
                    + " in metadata])",
                "note: deployment/billing: container \"shipper\": readOnlyRootFilesystem left as"
                    + " written (exempt: CSI driver writes /opt [annotation rootlock.dev/exempt"
                    + " in metadata])")),
        Arguments.of(
            "container annotation plus config: nothing left to fix",
            VENDOR_BY_IMAGE,
            "",
            SHIPPER_ANNOTATION,
            List.of(),
            0,
            "",
            List.of(
                "note: deployment/billing: container \"billing\": readOnlyRootFilesystem left as"
                    + " written (exempt: vendor image writes under /opt [CONFIG:2:5])",
                "note: deployment/billing: container \"shipper\": readOnlyRootFilesystem left as"
                    + " written (exempt: SEC-31 [annotation rootlock.dev/exempt.shipper in"
                    + " spec.template.metadata])")),
        Arguments.of(
            "expired exemption: fixed, with a note",
            EXPIRED,
            "",
            "",
            List.of(),
            1,
            BOTH,
            List.of(
                "note: deployment/billing: readOnlyRootFilesystem is no longer exempt, so it is"
                    + " fixed: the exemption (CONFIG:2:5) expired on 2020-01-31: incident 42")),
        Arguments.of(
            "--no-exemptions fixes what config and annotations exempt",
            VENDOR_BY_IMAGE,
            OBJECT_ANNOTATION,
            SHIPPER_ANNOTATION,
            List.of("--no-exemptions"),
            1,
            // four annotation lines above the hunk move it down
            BOTH.replace("@@ -21,9 +21,22 @@", "@@ -25,9 +25,22 @@"),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixLeavesExemptFieldsAlone(
      String name,
      String config,
      String objectAnnotations,
      String templateAnnotations,
      List<String> flags,
      int exit,
      String diff,
      List<String> notes)
      throws IOException {
    Path configFile = dir.resolve(".rootlock.yaml");
    if (config != null) {
      Files.writeString(configFile, config);
    }
    String text =
        DEPLOYMENT
            .replace("  namespace: shop\n", "  namespace: shop\n" + objectAnnotations)
            .replace("      labels:\n", templateAnnotations + "      labels:\n");
    Path manifest = dir.resolve("billing.yaml");
    Files.writeString(manifest, text);
    List<String> args = new ArrayList<>(List.of("fix"));
    args.addAll(flags);
    args.add(manifest.toString());

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(exit);
    String header = "--- " + manifest + "\n+++ " + manifest + "\n";
    assertThat(run.out()).isEqualTo(diff.isEmpty() ? "" : header + diff);
    List<String> noteLines =
        run.err().lines().filter(line -> line.startsWith(manifest + ": note: ")).toList();
    assertThat(noteLines)
        .containsExactlyElementsOf(
            notes.stream()
                .map(note -> manifest + ": " + note.replace("CONFIG", configFile.toString()))
                .toList());
    assertThat(Files.readString(manifest)).isEqualTo(text);
  }

  private static final String COMPOSE =
      """
      services:
        vendor:
          image: registry.example/vendor/app:1
          cap_drop: [ALL]
          security_opt: ["no-new-privileges:true"]
          user: "1000"
          x-rootlock:
            exempt: "readOnly: writes under /opt; SEC-12"
      """;

  @Test
  void aComposeServiceExemptByXRootlockIsLeftAsWritten() throws IOException {
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, COMPOSE);

    CliRun run = CliRun.of("fix", "--check", compose.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            compose
                + ": note: service \"vendor\": readOnly left as written (exempt: writes under"
                + " /opt; SEC-12 [x-rootlock.exempt of service vendor])\n");

    CliRun all = CliRun.of("fix", "--no-exemptions", compose.toString());
    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(all.out())
        .isEqualTo(
            "--- "
                + compose
                + "\n+++ "
                + compose
                + "\n"
                + """
                @@ -6,3 +6,6 @@
                     user: "1000"
                     x-rootlock:
                       exempt: "readOnly: writes under /opt; SEC-12"
                +    read_only: true
                +    tmpfs:
                +    - /tmp:rw,noexec,nosuid,size=64m
                """);
  }

  @Test
  void aComposeServiceExemptByTheConfigsImageGlobIsLeftAsWritten() throws IOException {
    Path config = dir.resolve(".rootlock.yaml");
    Files.writeString(
        config,
        """
        exemptions:
          - checks: [readOnly]
            image: "registry.example/vendor/*"
            reason: vendor
        """);
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(
        compose,
        COMPOSE
            .replace("    x-rootlock:\n", "")
            .replace("      exempt: \"readOnly: writes under /opt; SEC-12\"\n", ""));

    CliRun run = CliRun.of("fix", "--check", compose.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err())
        .startsWith(
            compose
                + ": note: service \"vendor\": readOnly left as written (exempt: vendor ["
                + config
                + ":2:5])\n");
  }

  @Test
  void writeKeepsTheExemptContainerAsWritten() throws IOException {
    Files.writeString(dir.resolve(".rootlock.yaml"), VENDOR_BY_IMAGE);
    Path manifest = dir.resolve("billing.yaml");
    Files.writeString(manifest, DEPLOYMENT);

    CliRun run = CliRun.of("fix", "--write", manifest.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    String fixed = Files.readString(manifest);
    assertThat(fixed.split("readOnlyRootFilesystem: true", -1)).hasSize(2);
    assertThat(fixed.indexOf("readOnlyRootFilesystem: true"))
        .isGreaterThan(fixed.indexOf("- name: shipper"));
    CliRun check = CliRun.of("fix", "--check", manifest.toString());
    assertThat(check.exitCode()).isEqualTo(0);
    assertThat(check.out()).isEmpty();
  }

  @Test
  void aBadConfigIsExitTwoAndNothingIsWritten() throws IOException {
    Path config = dir.resolve(".rootlock.yaml");
    Files.writeString(config, "exemptions:\n  - checks: [readOnlyRootFS]\n    reason: typo\n");
    Path manifest = dir.resolve("billing.yaml");
    Files.writeString(manifest, DEPLOYMENT);

    CliRun run = CliRun.of("fix", "--write", manifest.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: "
                + config
                + ":2:14: exemptions[0].checks[0]: unknown check ID \"readOnlyRootFS\" (see"
                + " rootlock's docs/checks.md)\n");
    assertThat(Files.readString(manifest)).isEqualTo(DEPLOYMENT);
  }

  @Test
  void theConfigsLevelIsFixsDefaultAndTheFlagWins() throws IOException {
    // The deployment passes restricted and fails hardened only by readOnlyRootFilesystem.
    Files.writeString(dir.resolve(".rootlock.yaml"), "level: restricted\n");
    Path manifest = dir.resolve("billing.yaml");
    Files.writeString(manifest, DEPLOYMENT);

    CliRun restricted = CliRun.of("fix", "--check", manifest.toString());
    CliRun hardened = CliRun.of("fix", "--check", "--profile", "hardened", manifest.toString());

    assertThat(restricted.exitCode()).isEqualTo(0);
    assertThat(restricted.out()).isEmpty();
    assertThat(hardened.exitCode()).isEqualTo(1);
    assertThat(hardened.out()).isEqualTo(manifest + "\n");
  }

  @Test
  void aConfigAtBaselineFixesRestrictedAndSaysSo() throws IOException {
    Files.writeString(dir.resolve(".rootlock.yaml"), "level: baseline\n");
    Path manifest = dir.resolve("billing.yaml");
    Files.writeString(manifest, DEPLOYMENT);

    CliRun run = CliRun.of("fix", "--check", manifest.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err())
        .isEqualTo(
            "fix: the config's level is baseline; fix writes restricted and hardened settings"
                + " only, so it fixes restricted\n"
                + "fix: 0 files to fix, 0 objects to harden; 1 unchanged\n");
  }
}
