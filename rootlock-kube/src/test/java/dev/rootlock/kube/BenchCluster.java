package dev.rootlock.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The benchmark's pods: what a Deployment-generated pod looks like when read back from a real API
 * server (owner reference, labels, two containers with probes, resources, a projected service
 * account token volume, and status), about 3 KB of JSON each. Every fifth pod is compliant.
 */
final class BenchCluster {

  private final String template;

  BenchCluster() {
    template = Serialization.asJson(pod());
  }

  /** The JSON of pod {@code index} of namespace {@code namespace}. */
  String podJson(String namespace, int index, int podsPerNamespace) {
    String deployment = "app-" + (index % 10);
    String name = deployment + "-5d8f7c9b4-" + String.format("%05d", index);
    return template
        .replace("NAMESPACE", namespace)
        .replace("PODNAME", name)
        .replace("RSNAME", deployment + "-5d8f7c9b4")
        .replace("RSUID", namespace + "-" + deployment)
        .replace("PODUID", namespace + "-" + index)
        .replace("\"readOnlyRootFilesystem\":false", index % 5 == 0 ? "\"readOnlyRootFilesystem\":true" : "\"readOnlyRootFilesystem\":false");
  }

  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("PODNAME")
        .withGenerateName("RSNAME-")
        .withNamespace("NAMESPACE")
        .withUid("PODUID")
        .withResourceVersion("123456")
        .withCreationTimestamp("2026-11-01T10:00:00Z")
        .addToLabels("app.kubernetes.io/name", "RSNAME")
        .addToLabels("pod-template-hash", "5d8f7c9b4")
        .addToAnnotations("kubectl.kubernetes.io/restartedAt", "2026-11-01T09:59:00Z")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("RSNAME")
        .withUid("RSUID")
        .withController(true)
        .withBlockOwnerDeletion(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName("default")
        .withNodeName("node-1")
        .withRestartPolicy("Always")
        .withTerminationGracePeriodSeconds(30L)
        .withDnsPolicy("ClusterFirst")
        .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(10001L)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example.com/shop/app:1.42.0")
        .withImagePullPolicy("IfNotPresent")
        .addNewPort().withName("http").withContainerPort(8080).withProtocol("TCP").endPort()
        .addNewEnv().withName("JAVA_TOOL_OPTIONS").withValue("-XX:MaxRAMPercentage=75").endEnv()
        .addNewEnv().withName("SPRING_PROFILES_ACTIVE").withValue("prod").endEnv()
        .withNewResources()
        .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("512Mi"))
        .addToLimits("memory", new Quantity("512Mi"))
        .endResources()
        .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withNewPort(8080).endHttpGet()
        .withPeriodSeconds(10).endLivenessProbe()
        .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withNewPort(8080).endHttpGet()
        .withPeriodSeconds(5).endReadinessProbe()
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(false)
        .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
        .addNewVolumeMount().withName("kube-api-access").withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).endVolumeMount()
        .withTerminationMessagePath("/dev/termination-log")
        .withTerminationMessagePolicy("File")
        .endContainer()
        .addNewContainer()
        .withName("proxy")
        .withImage("envoyproxy/envoy:v1.31.0")
        .addNewPort().withName("admin").withContainerPort(9901).withProtocol("TCP").endPort()
        .withNewResources().addToLimits("memory", new Quantity("128Mi")).endResources()
        .addNewVolumeMount().withName("kube-api-access").withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).endVolumeMount()
        .endContainer()
        .addNewVolume().withName("tmp").withNewEmptyDir().withMedium("Memory").withSizeLimit(new Quantity("64Mi")).endEmptyDir().endVolume()
        .addNewVolume().withName("kube-api-access").withNewProjected().withDefaultMode(420)
        .addNewSource().withNewServiceAccountToken().withExpirationSeconds(3607L).withPath("token").endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt").withPath("ca.crt").endItem().endConfigMap().endSource()
        .endProjected().endVolume()
        .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists").withEffect("NoExecute").withTolerationSeconds(300L).endToleration()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withHostIP("10.0.0.11")
        .withPodIP("10.244.1.23")
        .withStartTime("2026-11-01T10:00:02Z")
        .withQosClass("Burstable")
        .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime("2026-11-01T10:00:09Z").endCondition()
        .addNewCondition().withType("ContainersReady").withStatus("True").withLastTransitionTime("2026-11-01T10:00:09Z").endCondition()
        .addNewContainerStatus().withName("app").withImage("registry.example.com/shop/app:1.42.0")
        .withImageID("registry.example.com/shop/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        .withContainerID("containerd://0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
        .withReady(true).withRestartCount(0).withStarted(true).endContainerStatus()
        .addNewContainerStatus().withName("proxy").withImage("envoyproxy/envoy:v1.31.0")
        .withImageID("docker.io/envoyproxy/envoy@sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210")
        .withContainerID("containerd://fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210")
        .withReady(true).withRestartCount(0).withStarted(true).endContainerStatus()
        .endStatus()
        .build();
  }
}
