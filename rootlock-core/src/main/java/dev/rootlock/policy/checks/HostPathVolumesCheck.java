package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * A hostPath volume exposes the node's filesystem to the pod, which defeats every other isolation
 * (and a read-only root filesystem too, when the volume is writable), so baseline forbids it.
 *
 * <p>Restricted fields: {@code spec.volumes[*].hostPath}. Allowed values: unset. Restricted always
 * replaces this check with restrictedVolumes.
 */
public final class HostPathVolumesCheck implements Check<Pod> {

  public static final String ID = "hostPathVolumes";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Pods must not mount hostPath volumes.",
        VersionedCheck.since(0, HostPathVolumesCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Volume volume : pod.spec().volumes()) {
      if (volume.sources().contains("hostPath")) {
        bad.add(volume.name());
        fields.add(FieldPath.of("spec", "volumes").index(volume.index()).key("hostPath"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "hostPath volumes",
        pluralize("volume", "volumes", bad.size()) + " " + joinQuote(bad),
        List.of(),
        fields);
  }
}
