package dev.rootlock.kube.client;

import static dev.rootlock.kube.Objects.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.kube.TestApiServer;
import dev.rootlock.kube.audit.AuditRow;
import dev.rootlock.kube.audit.KubeAudit;
import dev.rootlock.kube.audit.KubeAuditReport;
import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link KubeConnection}: kubectl's order of kubeconfig sources, and contexts. */
class KubeConnectionTest {

  @TempDir Path dir;

  private static final KubeOptions OPTIONS =
      KubeOptions.defaults().withLevel(Level.BASELINE, PolicyVersion.LATEST);

  private Path kubeconfig(String name, String server, String current, String... contextAndNamespace)
      throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Config\n");
    yaml.append("clusters:\n- name: c\n  cluster:\n    server: ").append(server).append('\n');
    yaml.append("users:\n- name: u\n  user:\n    token: t0ken\n");
    yaml.append("contexts:\n");
    for (int i = 0; i < contextAndNamespace.length; i += 2) {
      yaml.append("- name: ")
          .append(contextAndNamespace[i])
          .append("\n  context:\n    cluster: c\n    user: u\n");
      yaml.append("    namespace: ").append(contextAndNamespace[i + 1]).append('\n');
    }
    if (current != null) {
      yaml.append("current-context: ").append(current).append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private KubeConnection connection(Map<String, String> env) {
    return new KubeConnection(env, dir.resolve("home"), dir.resolve("no-token"));
  }

  @Test
  void anExplicitKubeconfigIsTheOnlyOneRead() throws Exception {
    Path explicit = kubeconfig("explicit", "https://explicit:6443", "e", "e", "ns-e");
    Path listed = kubeconfig("listed", "https://listed:6443", "l", "l", "ns-l");

    Config config =
        connection(Map.of("KUBECONFIG", listed.toString()))
            .config(OPTIONS.withContext(null, explicit));

    assertThat(config.getMasterUrl()).isEqualTo("https://explicit:6443/");
    assertThat(config.getNamespace()).isEqualTo("ns-e");
    assertThat(config.getAutoOAuthToken()).isEqualTo("t0ken");
  }

  @Test
  void kubeconfigFilesAreMergedWithTheFirstWinningAndMissingOnesSkipped() throws Exception {
    Path first = kubeconfig("first", "https://first:6443", "a", "a", "ns-a");
    Path second = kubeconfig("second", "https://second:6443", "b", "b", "ns-b");
    String listed =
        String.join(
            java.io.File.pathSeparator,
            dir.resolve("missing").toString(),
            first.toString(),
            second.toString());

    Config current = connection(Map.of("KUBECONFIG", listed)).config(OPTIONS);
    Config other = connection(Map.of("KUBECONFIG", listed)).config(OPTIONS.withContext("b", null));

    assertThat(current.getCurrentContext().getName()).isEqualTo("a");
    assertThat(current.getNamespace()).isEqualTo("ns-a");
    assertThat(other.getCurrentContext().getName()).isEqualTo("b");
    assertThat(other.getNamespace()).isEqualTo("ns-b");
  }

  @Test
  void homeKubeConfigIsTheFallback() throws Exception {
    Path home = kubeconfig("config", "https://home:6443", "h", "h", "ns-h");
    Files.createDirectories(dir.resolve("home/.kube"));
    Files.move(home, dir.resolve("home/.kube/config"));

    assertThat(connection(Map.of()).config(OPTIONS).getMasterUrl()).isEqualTo("https://home:6443/");
  }

  @Test
  void anUnknownContextIsAnErrorNotASilentFallback() throws Exception {
    Path file = kubeconfig("k", "https://k:6443", "a", "a", "ns-a");

    assertThatThrownBy(() -> connection(Map.of()).config(OPTIONS.withContext("prod", file)))
        .isInstanceOf(KubeException.class)
        .hasMessage("context \"prod\" does not exist");
  }

  @Test
  void noConfigurationAnywhereSaysWhereItLooked() {
    assertThatThrownBy(
            () -> connection(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).config(OPTIONS))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "no Kubernetes configuration found: pass --kubeconfig, set KUBECONFIG, create "
                + dir.resolve("home/.kube/config")
                + ", or run inside a cluster");
  }

  @Test
  void aServerGivenNoClusterStillStartsOnFabric8sDefaultButAMissingContextIsAnError()
      throws Exception {
    // The webhook with no kubeconfig outside a pod starts, answers /healthz and stays unready
    // (image-dogfood runs it so); the CLI in the same place says where it looked, above.
    try (var client = connection(Map.of()).openForServer(null, null)) {
      // fabric8's own default (which reads this process's environment, so only its scheme is fixed)
      assertThat(client.getConfiguration().getMasterUrl()).startsWith("https://");
    }
    assertThatThrownBy(() -> connection(Map.of()).openForServer(null, "prod"))
        .isInstanceOf(KubeException.class)
        .hasMessage("context \"prod\" does not exist: no kubeconfig file was found");
  }

  @Test
  void aKubeconfigThatIsNotYamlIsOneLine() throws Exception {
    Path broken = dir.resolve("broken");
    Files.writeString(broken, "clusters: [\n");

    assertThatThrownBy(() -> connection(Map.of()).config(OPTIONS.withContext(null, broken)))
        .isInstanceOf(KubeException.class)
        .hasMessageStartingWith("cannot read kubeconfig " + broken + ": ")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMissingExplicitKubeconfigIsAnError() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> connection(Map.of()).config(OPTIONS.withContext(null, missing)))
        .isInstanceOf(KubeException.class)
        .hasMessage("kubeconfig " + missing + " does not exist or is not a file");
  }

  @Test
  void theSelectedContextsNamespaceIsAuditedOnTheServerItNames() throws Exception {
    try (TestApiServer api = new TestApiServer();
        KubernetesClient setup = api.client()) {
      setup.resource(pod("alpha", "in-alpha", false, null, null)).create();
      setup.resource(pod("beta", "in-beta", false, null, null)).create();
      String server = setup.getMasterUrl().toString();
      Path file = kubeconfig("k", server, "a", "a", "alpha", "b", "beta");
      KubeConnection connection = connection(Map.of("KUBECONFIG", file.toString()));

      KubeAuditReport current;
      KubeAuditReport other;
      try (KubernetesClient client = connection.open(OPTIONS)) {
        current = KubeAudit.run(client, OPTIONS, 500);
      }
      try (KubernetesClient client = connection.open(OPTIONS.withContext("b", null))) {
        other = KubeAudit.run(client, OPTIONS.withContext("b", null), 500);
      }

      assertThat(current.rows()).extracting(AuditRow::pod).containsExactly("in-alpha");
      assertThat(other.rows()).extracting(AuditRow::pod).containsExactly("in-beta");
      assertThat(api.gets)
          .contains(
              "/api/v1/namespaces/alpha/pods?limit=500", "/api/v1/namespaces/beta/pods?limit=500");
    }
  }

  @Test
  void mergedFilesKeepEachFilesRelativePathsAndTheFirstDefinitionWins() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one"));
    Path two = Files.createDirectories(dir.resolve("two"));
    Path first = one.resolve("config");
    Files.writeString(
        first,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster: {server: "https://first:6443", certificate-authority: ca-one.crt}
        users:
        - name: u
          user: {token: t0ken}
        contexts:
        - name: a
          context: {cluster: shared, user: u}
        current-context: a
        """);
    Path second = two.resolve("config");
    Files.writeString(
        second,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster: {server: "https://ignored:6443"}
        - name: own
          cluster: {server: "https://second:6443", certificate-authority: certs/ca-two.crt}
        users:
        - name: v
          user: {client-certificate: v.crt, client-key: /abs/v.key}
        contexts:
        - name: b
          context: {cluster: own, user: v, namespace: ns-b}
        - name: s
          context: {cluster: shared, user: v}
        current-context: b
        """);
    String listed = first + java.io.File.pathSeparator + second;
    KubeConnection connection = connection(Map.of("KUBECONFIG", listed));

    Config current = connection.config(OPTIONS);
    Config b = connection.config(OPTIONS.withContext("b", null));
    Config s = connection.config(OPTIONS.withContext("s", null));

    assertThat(current.getCurrentContext().getName()).isEqualTo("a");
    assertThat(current.getMasterUrl()).isEqualTo("https://first:6443/");
    assertThat(current.getCaCertFile()).isEqualTo(one.resolve("ca-one.crt").toString());
    assertThat(b.getMasterUrl()).isEqualTo("https://second:6443/");
    assertThat(b.getNamespace()).isEqualTo("ns-b");
    assertThat(b.getCaCertFile()).isEqualTo(two.resolve("certs/ca-two.crt").toString());
    assertThat(b.getClientCertFile()).isEqualTo(two.resolve("v.crt").toString());
    assertThat(b.getClientKeyFile()).isEqualTo("/abs/v.key");
    // kubectl: the cluster named "shared" is the first file's, whichever file's context uses it.
    assertThat(s.getMasterUrl()).isEqualTo("https://first:6443/");
  }

  @Test
  void aCurrentContextThatNoFileDefinesIsAnError() throws Exception {
    Path file = kubeconfig("k", "https://k:6443", "gone", "a", "ns-a");

    assertThatThrownBy(() -> connection(Map.of()).config(OPTIONS.withContext(null, file)))
        .isInstanceOf(KubeException.class)
        .hasMessage("context \"gone\" does not exist");
  }

  @Test
  void anEmptyKubeconfigIsEmptyAsToKubectlNotUnreadable() throws Exception {
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "");
    Path good = kubeconfig("good", "https://good:6443", "g", "g", "ns-g");
    String listed = empty + java.io.File.pathSeparator + good;

    Config merged = connection(Map.of("KUBECONFIG", listed)).config(OPTIONS);

    assertThat(merged.getMasterUrl()).isEqualTo("https://good:6443/");
    assertThatThrownBy(() -> connection(Map.of()).config(OPTIONS.withContext(null, empty)))
        .isInstanceOf(KubeException.class)
        .hasMessage(
            "no current context in "
                + empty
                + ": pass --context, or run kubectl config use-context NAME");
  }
}
