package dev.rootlock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code webhook serve --workload-kind} as a real kube-apiserver (v1.20) calls it for a real CRD:
 * the rule {@code webhook manifests} generates for a mapped kind's group ({@code apiVersions: *},
 * {@code resources: *}) makes the API server send the custom object, and kubectl shows the
 * webhook's warning about its pod template.
 */
@ExtendWith(RealApiServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomWorkloadWebhookIT {

  private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);
  private final String group = "e2e" + run + ".example.com";
  private final String namespace = "crd-warn-" + run;
  private final String configuration = "rootlock-e2e-crd-" + run;

  private WebhookProcess webhook;

  @BeforeAll
  void createTheKindAndRegisterTheWebhook() throws Exception {
    WorkflowCrd.create(group);
    Kubectl.apply(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels: {rootlock.dev/warn: hardened, e2e-crd: "%s"}
        """
            .formatted(namespace, run));
    Path dir = Files.createTempDirectory("rootlock-e2e-crd-webhook");
    webhook =
        WebhookProcess.start(
            dir, List.of("--workload-kind=Workflow." + group + "=spec.runner.template"));
    Kubectl.apply(
        """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: %1$s
        webhooks:
          - name: warn.rootlock.dev
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            matchPolicy: Equivalent
            timeoutSeconds: 5
            clientConfig:
              url: %2$s
              caBundle: %3$s
            namespaceSelector:
              matchLabels: {e2e-crd: "%4$s"}
            rules:
              - apiGroups: ["%5$s"]
                apiVersions: ["*"]
                operations: ["CREATE", "UPDATE"]
                resources: ["*"]
        """
            .formatted(configuration, webhook.url("/validate"), Tls.caBundle(), run, group));
  }

  @AfterAll
  void unregisterAndStop() throws Exception {
    Kubectl.admin("delete", "validatingwebhookconfiguration", configuration, "--ignore-not-found");
    if (webhook != null) {
      webhook.close();
    }
    WorkflowCrd.delete(group);
  }

  private String workflow(String name) {
    return """
        apiVersion: %s/v2
        kind: Workflow
        metadata: {name: %s}
        spec:
          runner:
            template:
              spec:
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 1000
                  seccompProfile: {type: RuntimeDefault}
                containers:
                - name: app
                  image: registry.example.com/app:2.1
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [ALL]}
        """
        .formatted(group, name);
  }

  @Test
  void kubectlShowsTheWarningAboutTheCustomObjectsTemplateAndCreatesIt() throws Exception {
    // The API server's webhook informer takes a moment to see the new configuration.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Kubectl.adminWithStdin(
            workflow("probe"), "apply", "--dry-run=server", "-n", namespace, "-f", "-")
        .err()
        .startsWith("Warning:")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the webhook configuration did not take effect in 30 s");
      }
      Thread.sleep(200);
    }

    Kubectl.Result result =
        Kubectl.adminWithStdin(workflow("nightly"), "apply", "-n", namespace, "-f", "-");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("workflow." + group + "/nightly created");
    assertThat(result.err())
        .isEqualTo(
            "Warning: would violate rootlock policy \"hardened:latest\": readOnlyRootFilesystem"
                + " != true (container \"app\" must set"
                + " securityContext.readOnlyRootFilesystem=true)");
  }
}
