package dev.rootlock.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.Map;

/**
 * Kubernetes objects for the mock API server, built with fabric8's model as a user's code would.
 */
public final class Objects {

  private Objects() {}

  public static Namespace namespace(String name, Map<String, String> labels) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  /** A pod with one container {@code app}; privileged when asked, read-only root when asked. */
  public static Pod pod(
      String namespace, String name, boolean privileged, Boolean readOnly, OwnerReference owner) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .withUid("uid-" + namespace + "-" + name)
            .endMetadata()
            .withSpec(spec(privileged, readOnly));
    if (owner != null) {
      pod.editMetadata().withOwnerReferences(owner).endMetadata();
    }
    return pod.build();
  }

  public static PodSpec spec(boolean privileged, Boolean readOnly) {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.27")
        .withNewSecurityContext()
        .withPrivileged(privileged ? true : null)
        .withReadOnlyRootFilesystem(readOnly)
        .endSecurityContext()
        .endContainer()
        .build();
  }

  public static OwnerReference controller(String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(kind.equals("ReplicaSet") || kind.equals("Deployment") ? "apps/v1" : "v1")
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }

  public static Deployment deployment(String namespace, String name, boolean privileged) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + namespace + "-deploy-" + name)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withSpec(spec(privileged, null))
        .endTemplate()
        .endSpec()
        .build();
  }

  public static ReplicaSet replicaSet(
      String namespace, String name, boolean privileged, OwnerReference owner) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + namespace + "-rs-" + name)
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withSpec(spec(privileged, null))
        .endTemplate()
        .endSpec()
        .build();
  }
}
