package dev.rootlock.webhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.LevelVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

  @Test
  void readsDefaultsAndExemptionsWithHardenedAllowed() {
    WebhookConfig config =
        WebhookConfig.parse(
            """
            apiVersion: rootlock.dev/v1alpha1
            kind: PodSecurityConfiguration
            defaults:
              enforce: baseline
              enforce-version: v1.29
              audit: hardened
              warn: restricted
              warn-version: latest
            exemptions:
              usernames: ["system:serviceaccount:kube-system:replicaset-controller"]
              runtimeClasses: [kata.containers]
              namespaces: [kube-system, monitoring]
            """,
            "config.yaml");

    assertThat(config.defaults())
        .isEqualTo(
            new Policy(
                LevelVersion.parse("baseline:v1.29"),
                LevelVersion.parse("hardened:latest"),
                LevelVersion.parse("restricted:latest")));
    assertThat(config.exemptions().usernames())
        .containsExactly("system:serviceaccount:kube-system:replicaset-controller");
    assertThat(config.exemptions().runtimeClasses()).containsExactly("kata.containers");
    assertThat(config.exemptions().namespaces()).isEqualTo(Set.of("kube-system", "monitoring"));
  }

  @Test
  void acceptsPodSecurityAdmissionsOwnFile() {
    WebhookConfig config =
        WebhookConfig.parse(
            """
            apiVersion: pod-security.admission.config.k8s.io/v1
            kind: PodSecurityConfiguration
            defaults:
              enforce: restricted
            """,
            "psa.yaml");

    assertThat(config.defaults().enforce()).isEqualTo(LevelVersion.parse("restricted:latest"));
    assertThat(config.defaults().audit()).isEqualTo(LevelVersion.parse("privileged:latest"));
    assertThat(config.exemptions()).isEqualTo(PsaExemptions.NONE);
  }

  @Test
  void anEmptyFileMeansAllPrivilegedAndNoExemptions() {
    assertThat(WebhookConfig.parse("", "empty.yaml")).isEqualTo(WebhookConfig.DEFAULT);
    assertThat(WebhookConfig.parse("# nothing\n", "comment.yaml")).isEqualTo(WebhookConfig.DEFAULT);
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    assertThatThrownBy(
            () ->
                WebhookConfig.parse(
                    """
                    apiVersion: v1
                    kind: PodSecurityConfiguration
                    defaults:
                      enforce: strict
                      audit-version: "1.25"
                      warn: 3
                      enforcement: restricted
                    exemptions:
                      usernames: ["", "alice", "alice"]
                      runtimeClasses: [Kata_Containers]
                      namespaces: [default, default, kube.system]
                    """,
                    "bad.yaml"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "apiVersion: Unsupported value: \"v1\": supported values:"
                            + " \"pod-security.admission.config.k8s.io/v1\","
                            + " \"pod-security.admission.config.k8s.io/v1alpha1\","
                            + " \"pod-security.admission.config.k8s.io/v1beta1\","
                            + " \"rootlock.dev/v1alpha1\"",
                        "defaults.enforcement: unknown field \"enforcement\"",
                        "defaults.enforce: Invalid value: \"strict\": must be one of privileged,"
                            + " baseline, restricted, hardened",
                        "defaults.audit-version: Invalid value: \"1.25\": must be \"latest\" or"
                            + " \"v1.x\"",
                        "defaults.warn: Invalid value: 3: must be a string",
                        "exemptions.usernames[0]: Invalid value: \"\": username must not be empty",
                        "exemptions.usernames[2]: Duplicate value: \"alice\"",
                        "exemptions.runtimeClasses[0]: Invalid value: \"Kata_Containers\": a"
                            + " lowercase RFC 1123 subdomain must consist of lower case"
                            + " alphanumeric characters, '-' or '.', and must start and end with"
                            + " an alphanumeric character (regex used for validation is"
                            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                        "exemptions.namespaces[1]: Duplicate value: \"default\"",
                        "exemptions.namespaces[2]: Invalid value: \"kube.system\": a lowercase"
                            + " RFC 1123 label must consist of lower case alphanumeric characters"
                            + " or '-', and must start and end with an alphanumeric character"
                            + " (regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
  }

  @Test
  void rejectsAnotherKindAndUnknownTopLevelFields() {
    assertThatThrownBy(
            () ->
                WebhookConfig.parse(
                    "apiVersion: rootlock.dev/v1alpha1\nkind: AdmissionConfiguration\nplugins: []\n",
                    "wrong.yaml"))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "plugins: unknown field \"plugins\"",
                        "kind: Unsupported value: \"AdmissionConfiguration\": supported values:"
                            + " \"PodSecurityConfiguration\""));
  }

  @Test
  void theMessageNamesTheFileAndListsEachProblemOnALine() {
    assertThatThrownBy(() -> WebhookConfig.parse("- a list\n", "list.yaml"))
        .hasMessage(
            "list.yaml: invalid configuration:\n"
                + "  <root>: Invalid value: [a list]: must be a mapping");
  }
}
