package dev.rootlock.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rootlock kube audit} against a real kube-apiserver (v1.20): thousands of pods read through
 * real {@code continue} tokens, and RBAC's real 403 for a user who may not read a namespace.
 */
@ExtendWith(RealApiServer.class)
class KubeAuditIT {

  private static final int NAMESPACES = 5;
  private static final int PODS_PER_NAMESPACE = 1000;

  private final String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt(), 6);

  /** One run of the CLI, in this JVM. */
  record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new ByteArrayInputStream(new byte[0]),
              new PrintWriter(out),
              new PrintWriter(err),
              args);
      return new CliRun(code, out.toString(), err.toString());
    }
  }

  @Test
  void auditAllNamespacesListsFiveThousandPodsCreatedThroughTheApi() throws Exception {
    long start = System.nanoTime();
    StringBuilder namespaces = new StringBuilder();
    for (int n = 0; n < NAMESPACES; n++) {
      namespaces
          .append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
          .append(bulk(n))
          .append("\n---\n");
    }
    Kubectl.apply(namespaces.toString());
    for (int n = 0; n < NAMESPACES; n++) {
      BulkPods.create(
          bulk(n),
          "pod",
          PODS_PER_NAMESPACE,
          n % 2 == 0 ? READ_ONLY_CONTAINER : WRITABLE_CONTAINER);
    }
    long created = System.nanoTime();

    CliRun audit =
        CliRun.of("kube", "audit", "-A", "--kubeconfig", RealApiServer.admin().toString());
    long audited = System.nanoTime();
    System.err.printf(
        "rootlock-e2e: created %d pods in %.1f s; kube audit -A took %.1f s%n",
        NAMESPACES * PODS_PER_NAMESPACE, (created - start) / 1e9, (audited - created) / 1e9);

    assertThat(audit.err()).isEmpty();
    assertThat(audit.exitCode()).isEqualTo(1);
    List<List<String>> lines =
        audit.out().lines().map(line -> List.of(line.trim().split(" {2,}"))).toList();
    for (int n = 0; n < NAMESPACES; n++) {
      String namespace = bulk(n);
      boolean readOnly = n % 2 == 0;
      List<List<String>> rows =
          lines.stream()
              .filter(cells -> cells.size() == 6 && cells.get(0).equals(namespace))
              .toList();
      assertThat(rows).as(namespace).hasSize(PODS_PER_NAMESPACE);
      Set<String> pods = new HashSet<>();
      for (List<String> row : rows) {
        pods.add(row.get(2));
        // The default table names the first failing check and how many more (-f wide: all).
        assertThat(row.subList(3, 6))
            .as(namespace + " " + row.get(2))
            .containsExactly(
                "app",
                readOnly ? "true" : "unset (writable)",
                firstAndCount(
                    readOnly ? RESTRICTED_CHECKS : RESTRICTED_CHECKS + ",readOnlyRootFilesystem"));
      }
      assertThat(pods)
          .as(namespace)
          .isEqualTo(
              IntStream.range(0, PODS_PER_NAMESPACE)
                  .mapToObj(i -> "pod-" + i)
                  .collect(Collectors.toSet()));
      // The per-namespace summary: objects, violating, containers, read-only containers.
      assertThat(lines)
          .as(namespace)
          .contains(List.of(namespace, "1000", "1000", "1000", readOnly ? "1000" : "0"));
    }
  }

  @Test
  void userWithoutRbacOnOneNamespaceGetsTheForbiddenPath() {
    String open = "e2e-rbac-open-" + run;
    String closed = "e2e-rbac-closed-" + run;
    Kubectl.apply(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %2$s
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: pod-reader
          namespace: %1$s
        rules:
          - apiGroups: [""]
            resources: ["pods"]
            verbs: ["get", "list"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: nobody-reads-pods
          namespace: %1$s
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: pod-reader
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: User
            name: rootlock-nobody
        """
            .formatted(open, closed));
    for (String namespace : new String[] {open, closed}) {
      Kubectl.adminWithStdin(AdmissionWebhookIT.barePod(), "apply", "-n", namespace, "-f", "-");
    }
    String nobody = RealApiServer.nobody().toString();

    CliRun readable = CliRun.of("kube", "audit", "-n", open, "--kubeconfig", nobody);
    assertThat(readable.err()).isEmpty();
    assertThat(readable.out()).isEqualTo(OPEN_AUDIT.replace("NS", open));
    assertThat(readable.exitCode()).isEqualTo(1);

    CliRun forbidden = CliRun.of("kube", "audit", "-n", closed, "--kubeconfig", nobody);
    assertThat(forbidden.out()).isEqualTo(CLOSED_AUDIT.replace("NS", closed));
    assertThat(forbidden.err()).isEqualTo(CLOSED_AUDIT_ERR.replace("NS", closed));
    assertThat(forbidden.exitCode()).isEqualTo(2);

    CliRun everywhere = CliRun.of("kube", "audit", "-A", "--kubeconfig", nobody);
    assertThat(everywhere.out()).isEmpty();
    assertThat(everywhere.err()).isEqualTo(ALL_NAMESPACES_ERR);
    assertThat(everywhere.exitCode()).isEqualTo(2);
  }

  static final String RESTRICTED_CHECKS =
      "allowPrivilegeEscalation,capabilities_restricted,runAsNonRoot,seccompProfile_restricted";
  static final String OPEN_AUDIT =
      """
      NAMESPACE              OWNER   POD    CONTAINER   READONLY           CHECKS
      NS   -       bare   app         unset (writable)   allowPrivilegeEscalation +4

      NAMESPACE              OBJECTS   VIOLATING   CONTAINERS   READONLY
      NS   1         1           1            0
      hardened:latest: 1 of 1 object violates, in 1 of 1 namespace
      """;
  static final String CLOSED_AUDIT =
      """
      hardened:latest: 0 of 0 objects violate, in 0 of 0 namespaces
      could not read namespace "NS" (pods): pods is forbidden: User "rootlock-nobody" cannot\
       list resource "pods" in API group "" in the namespace "NS"
      """;
  static final String CLOSED_AUDIT_ERR = "";
  static final String ALL_NAMESPACES_ERR =
      """
      error: pods is forbidden: User "rootlock-nobody" cannot list resource "pods" in API group\
       "" at the cluster scope; listing namespaces is forbidden too, so pass -n NAMESPACE
      """;

  private String bulk(int n) {
    return "e2e-bulk-" + run + "-" + n;
  }

  static final String READ_ONLY_CONTAINER =
      "{\"name\":\"app\",\"image\":\"rootlock-test/busybox-app\","
          + "\"securityContext\":{\"readOnlyRootFilesystem\":true}}";
  static final String WRITABLE_CONTAINER =
      "{\"name\":\"app\",\"image\":\"rootlock-test/busybox-app\"}";

  /** {@code a,b,c} as the narrow CHECKS column shows it: {@code a +2}. */
  private static String firstAndCount(String checks) {
    String[] each = checks.split(",", 0);
    return each.length == 1 ? each[0] : each[0] + " +" + (each.length - 1);
  }
}
