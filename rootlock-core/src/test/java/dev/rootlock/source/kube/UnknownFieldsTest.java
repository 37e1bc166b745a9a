package dev.rootlock.source.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.UnknownField;
import dev.rootlock.model.pod.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

  private static Workload read(String text) {
    ReadResult result = new ManifestReader().read("test.yaml", text);
    assertThat(result.errors()).isEmpty();
    return result.workloads().get(0);
  }

  private static List<String> unknown(Workload workload) {
    return workload.pod().unknownFields().stream()
        .map(f -> f.path() + (f.suggestion() == null ? "" : " -> " + f.suggestion()))
        .toList();
  }

  @Test
  void misspelledFieldsAreFoundWhereverKubectlsStrictValidationLooks() {
    Workload workload =
        read(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  hostnetwork: false
                  securityContext: {runAsNonroot: true, readOnlyRootFilesystem: true}
                  initContainers:
                  - name: init
                    securitycontext: {privileged: false}
                  containers:
                  - name: app
                    securityContext:
                      readOnlyRootFileSystem: true
                      fooBar: 1
                  ephemeralContainers:
                  - name: debug
                    targetContainerNme: app
                  volumes:
                  - name: tmp
                    emptydir: {}
            """);

    assertThat(unknown(workload))
        .containsExactly(
            "spec.hostnetwork -> hostNetwork",
            "spec.securityContext.runAsNonroot -> runAsNonRoot",
            "spec.initContainers[0].securitycontext -> securityContext",
            "spec.containers[0].securityContext.readOnlyRootFileSystem -> readOnlyRootFilesystem",
            "spec.containers[0].securityContext.fooBar",
            "spec.ephemeralContainers[0].targetContainerNme -> targetContainerName",
            "spec.volumes[0].emptydir -> emptyDir");
  }

  @Test
  void aWellFormedPodHasNoUnknownFields() {
    Workload workload =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: ok}
            spec:
              hostNetwork: false
              securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              containers:
              - name: app
                image: nginx
                resources: {limits: {memory: 64Mi}}
                securityContext: {readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
              volumes:
              - name: tmp
                emptyDir: {medium: Memory}
            """);

    assertThat(workload.pod().unknownFields()).isEmpty();
  }

  @Test
  void anUnknownFieldKeepsThePathTheLocatorPlacesAtItsKey() {
    Workload workload =
        read(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: typo}
            spec:
              containers:
              - name: app
                securityContext: {readOnlyRootFileSystem: true}
            """);

    UnknownField field = workload.pod().unknownFields().get(0);
    assertThat(workload.locator().locate(field.path()).line()).isEqualTo(7);
    assertThat(workload.locator().locate(field.path()).column()).isEqualTo(23);
  }

  @Test
  void didYouMeanOffersOnlyANearOrCaseOnlyDifferentName() {
    assertThat(PodFieldNames.suggest("readonlyrootfilesystem", PodFieldNames.SECURITY_CONTEXT))
        .isEqualTo("readOnlyRootFilesystem");
    assertThat(PodFieldNames.suggest("privilged", PodFieldNames.SECURITY_CONTEXT))
        .isEqualTo("privileged");
    assertThat(PodFieldNames.suggest("volume", PodFieldNames.POD_SPEC)).isEqualTo("volumes");
    assertThat(PodFieldNames.suggest("readOnly", PodFieldNames.SECURITY_CONTEXT)).isNull();
    assertThat(PodFieldNames.suggest("xyz", PodFieldNames.CONTAINER)).isNull();
  }
}
