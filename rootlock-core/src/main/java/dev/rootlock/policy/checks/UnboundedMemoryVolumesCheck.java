package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A read-only root pushes writes into {@code emptyDir} volumes, and {@code medium: Memory} makes
 * them a tmpfs whose pages are node memory. Without a {@code sizeLimit}, the tmpfs is bounded only
 * by the memory limit of the container writing to it; a container with no limit can fill the node's
 * memory.
 *
 * <p>Restricted fields: {@code spec.volumes[*].emptyDir.sizeLimit} of each {@code emptyDir} with
 * {@code medium: Memory}, read together with {@code resources.limits.memory} of every init, regular
 * and ephemeral container that mounts the volume writable. Allowed: a {@code sizeLimit}, or a
 * non-zero memory limit on every container that can write to the volume (a zero limit is no limit
 * to the runtime). Read-only mounts cannot fill the volume and are ignored.
 */
public final class UnboundedMemoryVolumesCheck implements Check<Pod> {

  public static final String ID = "unboundedMemoryVolumes";

  /** A Kubernetes quantity whose number is zero, whatever its suffix: 0, 0.0, 0Mi, 0e3, +.0. */
  private static final Pattern ZERO_QUANTITY =
      Pattern.compile("[+-]?(?:0+(?:\\.0*)?|\\.0+)(?:[eE][+-]?[0-9]+|[A-Za-z]*)");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Memory-backed emptyDir volumes must set a sizeLimit or be written only by containers with"
            + " a memory limit.",
        VersionedCheck.since(0, UnboundedMemoryVolumesCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<Container> all = pod.spec().allContainers();
    boolean[] unboundedWriter = new boolean[all.size()];
    List<String> volumes = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Volume volume : pod.spec().volumes()) {
      EmptyDir emptyDir = volume.emptyDir();
      if (emptyDir == null || !emptyDir.inMemory() || emptyDir.sizeLimit() != null) {
        continue;
      }
      boolean unbounded = false;
      for (int i = 0; i < all.size(); i++) {
        if (!hasMemoryLimit(all.get(i)) && writes(all.get(i), volume)) {
          unboundedWriter[i] = true;
          unbounded = true;
        }
      }
      if (unbounded) {
        volumes.add(volume.name());
        fields.add(
            FieldPath.of("spec", "volumes").index(volume.index()).keys("emptyDir", "sizeLimit"));
      }
    }
    if (volumes.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    // Collected per container rather than per volume, so the names come out in visiting order.
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (unboundedWriter[i]) {
        bad.add(all.get(i).displayName());
      }
    }
    return CheckResult.forbidden(
        pluralize("unbounded memory volume", "unbounded memory volumes", volumes.size()),
        pluralize("volume", "volumes", volumes.size())
            + " "
            + joinQuote(volumes)
            + " must set emptyDir.sizeLimit or "
            + containers(bad)
            + " must set resources.limits.memory",
        bad,
        fields);
  }

  private static boolean hasMemoryLimit(Container container) {
    String limit = container.memoryLimit();
    return limit != null && !ZERO_QUANTITY.matcher(limit.strip()).matches();
  }

  private static boolean writes(Container container, Volume volume) {
    for (VolumeMount mount : container.volumeMounts()) {
      if (mount.writable() && volume.name().equals(mount.name())) {
        return true;
      }
    }
    return false;
  }
}
