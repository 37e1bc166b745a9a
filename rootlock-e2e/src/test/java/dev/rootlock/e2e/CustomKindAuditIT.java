package dev.rootlock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rootlock kube audit --workload-kind} against a real kube-apiserver (v1.20) serving a real
 * CustomResourceDefinition: the kind is found through the server's own discovery documents (two
 * versions, the second preferred), listed under its plural, and judged at the mapped template path.
 */
@ExtendWith(RealApiServer.class)
class CustomKindAuditIT {

  private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);
  private final String group = "e2e" + run + ".example.com";
  private final String namespace = "crd-" + run;

  @AfterEach
  void cleanUp() {
    Kubectl.admin("delete", "namespace", namespace, "--wait=false", "--ignore-not-found");
    WorkflowCrd.delete(group);
  }

  @Test
  void aCrdsObjectsAreFoundByDiscoveryAndJudgedAtTheMappedTemplate() throws Exception {
    WorkflowCrd.create(group);
    Kubectl.apply(
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: %2$s/v2
        kind: Workflow
        metadata: {name: nightly, namespace: %1$s}
        spec:
          runner:
            template:
              spec:
                containers:
                - name: app
                  image: registry.example.com/app:1
                  securityContext: {privileged: true}
        """
            .formatted(namespace, group));

    KubeAuditIT.CliRun audit =
        KubeAuditIT.CliRun.of(
            "kube",
            "audit",
            "-n",
            namespace,
            "--profile",
            "baseline",
            "--workload-kind",
            "Workflow." + group + "=spec.runner.template",
            "--kubeconfig",
            RealApiServer.admin().toString());

    assertThat(audit.err()).isEmpty();
    assertThat(audit.out())
        .isEqualTo(
            """
             NAMESPACE    OWNER              POD          CONTAINER   READONLY           CHECKS
             %1$s   workflow/nightly   (template)   app         unset (writable)   privileged

             NAMESPACE    OBJECTS   VIOLATING   CONTAINERS   READONLY
             %1$s   1         1           1            0
             baseline:latest: 1 of 1 object violates, in 1 of 1 namespace
             """
                .formatted(namespace));
    assertThat(audit.exitCode()).isEqualTo(1);

    KubeAuditIT.CliRun json =
        KubeAuditIT.CliRun.of(
            "kube",
            "audit",
            "-n",
            namespace,
            "-f",
            "json",
            "--workload-kind",
            "Workflow." + group + "=spec.runner.template",
            "--kubeconfig",
            RealApiServer.admin().toString());

    assertThat(json.out())
        .contains("\"file\": \"cluster:" + namespace + "/workflows/nightly\"")
        .contains("\"apiVersion\": \"" + group + "/v2\"");
  }

  @Test
  void aMappedKindTheServerDoesNotServeIsNamedAndExitsTwo() {
    Kubectl.apply("apiVersion: v1\nkind: Namespace\nmetadata: {name: " + namespace + "}\n");

    KubeAuditIT.CliRun audit =
        KubeAuditIT.CliRun.of(
            "kube",
            "audit",
            "-n",
            namespace,
            "--workload-kind",
            "Workflow." + group + "=spec.runner.template",
            "--kubeconfig",
            RealApiServer.admin().toString());

    assertThat(audit.out())
        .endsWith(
            "could not read all namespaces (Workflow."
                + group
                + "): the API server serves no kind Workflow in group "
                + group
                + " (is its CustomResourceDefinition installed?)\n");
    assertThat(audit.exitCode()).isEqualTo(2);
  }
}
