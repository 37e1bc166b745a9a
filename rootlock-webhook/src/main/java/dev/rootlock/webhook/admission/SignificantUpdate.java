package dev.rootlock.webhook.admission;

import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.PodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a pod update can change its verdict, as PSA decides it (§7 of the PSA notes): only a
 * change in the number of containers or init containers, a changed image, or a new or re-imaged
 * ephemeral container is. Everything else a running pod may change (labels, annotations,
 * tolerations, resources) cannot touch its security fields, and judging it would turn a policy
 * tightened after the pod started into a pod that can no longer be labelled.
 */
final class SignificantUpdate {

  private SignificantUpdate() {}

  static boolean significant(PodSpec before, PodSpec after) {
    if (changedImages(before.containers(), after.containers())
        || changedImages(before.initContainers(), after.initContainers())) {
      return true;
    }
    Map<String, String> oldImages = new HashMap<>();
    for (Container container : before.ephemeralContainers()) {
      oldImages.put(container.name(), container.image());
    }
    for (Container container : after.ephemeralContainers()) {
      if (!oldImages.containsKey(container.name())
          || !Objects.equals(oldImages.get(container.name()), container.image())) {
        return true;
      }
    }
    return false;
  }

  private static boolean changedImages(List<Container> before, List<Container> after) {
    if (before.size() != after.size()) {
      return true;
    }
    for (int i = 0; i < after.size(); i++) {
      if (!Objects.equals(before.get(i).image(), after.get(i).image())) {
        return true;
      }
    }
    return false;
  }
}
