package dev.rootlock.webhook.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import dev.rootlock.webhook.admission.ExistingPods;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** {@link ExistingPods} from the API server (RBAC: {@code list} on {@code pods}). */
final class ClusterPods implements ExistingPods {

  private final KubernetesClient client;

  ClusterPods(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<ExistingPod<JsonNode>> list(String namespace) {
    List<ExistingPod<JsonNode>> pods = new ArrayList<>();
    for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
      JsonNode json = client.getKubernetesSerialization().convertValue(pod, JsonNode.class);
      pods.add(new ExistingPod<>(pod.getMetadata().getName(), controllerUid(pod), json));
    }
    return pods;
  }

  private static String controllerUid(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    if (owners == null) {
      return null;
    }
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())) {
        return owner.getUid();
      }
    }
    return null;
  }
}
