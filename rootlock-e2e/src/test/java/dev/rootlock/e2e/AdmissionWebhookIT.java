package dev.rootlock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook as a real kube-apiserver (v1.20) calls it: registered through
 * admissionregistration.k8s.io/v1 with the configurations {@code rootlock webhook manifests
 * --shadow-psa} prints (only the Service reference swapped for the loopback URL, see {@link
 * ShippedConfigurations}), started with the Deployment's {@code --shadow-psa}, routed by
 * namespaceSelector, and driven by Debian's kubectl exactly as a user would. The last test kills
 * the webhook.
 */
@ExtendWith(RealApiServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class AdmissionWebhookIT {

  /** Namespaces cannot be deleted without a controller-manager: each run makes its own. */
  private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);

  private final String enforcing = "e2e-enforce-" + run;
  private final String warned = "e2e-warn-" + run;
  private final String audited = "e2e-audit-" + run;
  private final String mutated = "e2e-mutate-" + run;
  private final String unlabelled = "e2e-plain-" + run;

  /** Labelled for PSA alone (this server has no PSA: only rootlock's shadow judges it). */
  private final String psaEnforced = "e2e-psa-" + run;

  private final String psaWarnedOnly = "e2e-psawarn-" + run;

  private Path dir;
  private WebhookProcess webhook;
  private ShippedConfigurations configurations;

  @BeforeAll
  void startWebhookAndRegisterIt() throws Exception {
    dir = Files.createTempDirectory("rootlock-e2e-webhook");
    Kubectl.apply(
        namespace(enforcing, "rootlock.dev/enforce: hardened")
            + "---\n"
            + namespace(warned, "rootlock.dev/warn: restricted")
            + "---\n"
            + namespace(audited, "rootlock.dev/audit: restricted")
            + "---\n"
            + namespace(
                mutated, "rootlock.dev/enforce: hardened\n    rootlock.dev/mutate: \"true\"")
            + "---\n"
            + namespace(unlabelled, "e2e: plain")
            + "---\n"
            + namespace(
                psaEnforced,
                "pod-security.kubernetes.io/enforce: restricted\n"
                    + "    pod-security.kubernetes.io/enforce-version: v1.24")
            + "---\n"
            + namespace(psaWarnedOnly, "pod-security.kubernetes.io/warn: restricted"));
    webhook = WebhookProcess.start(dir, "--shadow-psa");
    configurations = ShippedConfigurations.of(webhook, Tls.caBundle(), "--shadow-psa");
    Kubectl.apply(configurations.yaml());
    awaitConfigurationsActive();
  }

  @AfterAll
  void unregisterAndStop() throws Exception {
    if (configurations != null) {
      for (String[] object : configurations.deletions()) {
        Kubectl.admin("delete", object[0], object[1], "--ignore-not-found");
      }
    }
    if (webhook != null) {
      webhook.close();
    }
  }

  @Test
  @Order(1)
  void enforcingNamespaceRefusesBarePodWithRootlocksMessage() {
    Kubectl.Result result = Kubectl.adminWithStdin(barePod(), "apply", "-n", enforcing, "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error from server (Forbidden): error when creating \"STDIN\": admission webhook"
                + " \"enforce.rootlock.dev\" denied the request: "
                + HARDENED_BARE_POD);
    assertThat(Kubectl.admin("get", "pod", "bare", "-n", enforcing).err())
        .isEqualTo("Error from server (NotFound): pods \"bare\" not found");
  }

  @Test
  @Order(2)
  void warnModeShowsKubectlWarningsAndCreatesThePod() {
    Kubectl.Result result = Kubectl.adminWithStdin(barePod(), "apply", "-n", warned, "-f", "-");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.err()).isEqualTo("Warning: " + RESTRICTED_BARE_POD_WARNING);
    assertThat(result.out()).isEqualTo("pod/bare created");
    assertThat(Kubectl.must("get", "pod", "bare", "-n", warned, "-o", "name"))
        .isEqualTo("pod/bare");
  }

  @Test
  @Order(4)
  void mutationAddsTheFieldsSoTheHardenedValidatorAdmitsThePod() {
    Kubectl.Result result = Kubectl.adminWithStdin(barePod(), "apply", "-n", mutated, "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    assertThat(result.out()).isEqualTo("pod/bare created");
    assertThat(
            Kubectl.must(
                "get",
                "pod",
                "bare",
                "-n",
                mutated,
                "-o",
                "jsonpath={.spec.containers[0].securityContext}"))
        .isEqualTo(MUTATED_CONTAINER_SECURITY_CONTEXT);
    assertThat(
            Kubectl.must(
                "get",
                "pod",
                "bare",
                "-n",
                mutated,
                "-o",
                "jsonpath={.spec.securityContext.seccompProfile.type}"))
        .isEqualTo("RuntimeDefault");
    assertThat(
            Kubectl.must(
                "get",
                "pod",
                "bare",
                "-n",
                mutated,
                "-o",
                "jsonpath={.spec.volumes[?(@.name==\"tmp\")].emptyDir}"))
        .isEqualTo("{\"medium\":\"Memory\",\"sizeLimit\":\"64Mi\"}");
    assertThat(
            Kubectl.must(
                "get",
                "pod",
                "bare",
                "-n",
                mutated,
                "-o",
                "jsonpath={.metadata.annotations.rootlock\\.dev/mutated}"))
        .isEqualTo(MUTATED_ANNOTATION);
  }

  @Test
  @Order(3)
  void namespaceSelectorsSendOnlyOptedInNamespaces() throws Exception {
    double before = reviewsAnswered();
    assertThat(createBarePod(unlabelled, "routing").exitCode()).isEqualTo(0);

    // Each later count is exact, so a review of the unlabelled namespace would show up there.
    Kubectl.Result audit = createBarePod(audited, "routing");
    assertThat(audit.exitCode()).isEqualTo(0);
    assertThat(audit.err()).as("audit mode never warns the client").isEmpty();
    assertThat(awaitReviewsAnswered(before + 1))
        .as("an audit-only namespace is sent once")
        .isEqualTo(before + 1);

    assertThat(createBarePod(warned, "routing").exitCode()).isEqualTo(0);
    assertThat(awaitReviewsAnswered(before + 2))
        .as("a warn-only namespace is sent once")
        .isEqualTo(before + 2);

    assertThat(createBarePod(enforcing, "routing").exitCode()).isEqualTo(1);
    assertThat(awaitReviewsAnswered(before + 3))
        .as("an enforcing namespace is sent once")
        .isEqualTo(before + 3);

    assertThat(createBarePod(psaEnforced, "routing").exitCode()).isEqualTo(1);
    assertThat(awaitReviewsAnswered(before + 4))
        .as("a PSA-enforced namespace is sent once")
        .isEqualTo(before + 4);

    // PSA's warn label alone opts nothing in, shadowing or not: not sent, so the count stays.
    assertThat(createBarePod(psaWarnedOnly, "routing").exitCode()).isEqualTo(0);
    assertThat(createBarePod(unlabelled, "routing-last").exitCode()).isEqualTo(0);
    assertThat(awaitReviewsAnswered(before + 5)).as("nothing more was sent").isEqualTo(before + 4);
  }

  @Test
  @Order(3)
  void shadowingPsaJudgesAPsaOnlyNamespaceAtItsPsaLevelAndVersion() {
    Kubectl.Result result =
        Kubectl.adminWithStdin(barePod(), "apply", "-n", psaEnforced, "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "Error from server (Forbidden): error when creating \"STDIN\": admission webhook"
                + " \"enforce-psa.rootlock.dev\" denied the request: pods \"bare\" is forbidden:"
                + " violates PodSecurity \"restricted:v1.24\": "
                + RESTRICTED_FINDINGS);
  }

  @Test
  @Order(5)
  void killedWebhookFailsClosedOnlyWhereFailurePolicyIsFail() throws Exception {
    webhook.kill();

    Kubectl.Result enforced = createBarePod(enforcing, "after-kill");
    assertThat(enforced.exitCode()).isEqualTo(1);
    assertThat(enforced.err())
        .isEqualTo(
            "Error from server (InternalError): error when creating \"STDIN\": Internal error"
                + " occurred: failed calling webhook \"enforce.rootlock.dev\": Post \""
                + webhook.url("/validate")
                + "?timeout=3s\": dial tcp 127.0.0.1:"
                + webhook.port()
                + ": connect: connection refused");

    // Mutation follows --failure-policy (Fail) and the namespace also enforces: refused.
    assertThat(createBarePod(mutated, "after-kill").exitCode()).isEqualTo(1);

    Kubectl.Result psa = createBarePod(psaEnforced, "after-kill");
    assertThat(psa.exitCode()).isEqualTo(1);
    assertThat(psa.err())
        .contains("failed calling webhook \"enforce-psa.rootlock.dev\"", "connection refused");

    for (String open : new String[] {warned, audited, unlabelled, psaWarnedOnly}) {
      Kubectl.Result result = createBarePod(open, "after-kill");
      assertThat(result.exitCode()).as(open + ": " + result.err()).isEqualTo(0);
      assertThat(result.out()).isEqualTo("pod/after-kill created");
    }
  }

  private double reviewsAnswered() throws Exception {
    return webhook.metric("rootlock_webhook_requests_total{code=\"200\"}");
  }

  /**
   * The count once it reaches {@code expected}, or after 5 s: the webhook counts a request after it
   * has sent the answer, so kubectl can return before the count moves.
   */
  private double awaitReviewsAnswered(double expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    double count = reviewsAnswered();
    while (count < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      count = reviewsAnswered();
    }
    return count;
  }

  private static Kubectl.Result createBarePod(String namespace, String name) {
    return Kubectl.adminWithStdin(
        barePod().replace("name: bare", "name: " + name), "apply", "-n", namespace, "-f", "-");
  }

  /** Waits until the API server's webhook informer has the new configurations. */
  private void awaitConfigurationsActive() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Kubectl.adminWithStdin(
                barePod(), "apply", "--dry-run=server", "-n", enforcing, "-f", "-")
            .exitCode()
        == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the webhook configurations did not take effect in 30 s");
      }
      Thread.sleep(200);
    }
  }

  private static String namespace(String name, String labels) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels:
            %s
        """
        .formatted(name, labels);
  }

  static String barePod() {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
        spec:
          containers:
            - name: app
              image: rootlock-test/busybox-app
        """;
  }

  /** PSA's restricted message for {@link #barePod}, which rootlock's hardened extends. */
  static final String RESTRICTED_FINDINGS =
      "allowPrivilegeEscalation != false (container \"app\" must set"
          + " securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container"
          + " \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true"
          + " (pod or container \"app\" must set securityContext.runAsNonRoot=true), seccompProfile"
          + " (pod or container \"app\" must set securityContext.seccompProfile.type to"
          + " \"RuntimeDefault\" or \"Localhost\")";

  static final String HARDENED_BARE_POD =
      "pods \"bare\" is forbidden: violates rootlock policy \"hardened:latest\": "
          + RESTRICTED_FINDINGS
          + ", readOnlyRootFilesystem != true (container \"app\" must set"
          + " securityContext.readOnlyRootFilesystem=true)";
  static final String RESTRICTED_BARE_POD_WARNING =
      "would violate PodSecurity \"restricted:latest\": " + RESTRICTED_FINDINGS;

  /**
   * What {@code rootlock fix} adds to {@link #barePod} (see {@code rootlock fix - < bare.yaml}), as
   * kubectl's jsonpath prints it, read back from the real v1.20 server (built with Debian's
   * reflect2 1.0.2; the vendored 1.0.1 dies on any mutating patch, see scripts/kube-apiserver).
   */
  static final String MUTATED_CONTAINER_SECURITY_CONTEXT =
      "{\"allowPrivilegeEscalation\":false,\"capabilities\":{\"drop\":[\"ALL\"]},"
          + "\"readOnlyRootFilesystem\":true,\"runAsNonRoot\":true}";

  static final String MUTATED_ANNOTATION =
      "allowPrivilegeEscalation,capabilities_restricted,misplacedReadOnlyRootFilesystem,"
          + "readOnlyRootFilesystem,runAsNonRoot,seccompProfile_restricted";
}
