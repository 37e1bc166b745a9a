package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.joinQuote;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.HostPaths;
import dev.rootlock.policy.HostPaths.Kind;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Some host paths give the node away however they are mounted: a container runtime's socket ({@code
 * readOnly} does not stop {@code connect(2)}), and the host's root directory, which holds every
 * such socket and every secret of the node. {@code /proc}, {@code /sys} and {@code /dev} written to
 * reach the kernel itself. Baseline already forbids every hostPath volume; this check names the
 * ones that are an escape, so that they are not waved through as "just a hostPath".
 *
 * <p>Restricted fields: {@code spec.volumes[*].hostPath.path}, read together with the {@code
 * volumeMounts} of every init, regular and ephemeral container. A volume fails when its path is a
 * runtime socket or the host root (mounted or not, {@code readOnly} or not), or {@code /proc},
 * {@code /sys}, {@code /dev} or below them when a container mounts it writable.
 */
public final class SensitiveHostPathsCheck implements Check<Pod> {

  public static final String ID = "sensitiveHostPaths";

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Pods must not mount a container runtime socket or the host root, nor /proc, /sys or"
            + " /dev writable.",
        VersionedCheck.since(0, SensitiveHostPathsCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    List<String> parts = new ArrayList<>();
    Set<String> bad = new LinkedHashSet<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Volume volume : pod.spec().volumes()) {
      Optional<Kind> kind = HostPaths.classify(volume.hostPath());
      if (kind.isEmpty()) {
        continue;
      }
      List<String> writers = mounting(pod, volume.name(), true);
      if (kind.get() == Kind.KERNEL && writers.isEmpty()) {
        continue;
      }
      parts.add(
          "volume "
              + joinQuote(List.of(volume.name()))
              + " mounts host path "
              + joinQuote(List.of(volume.hostPath()))
              + " "
              + kind.get().words());
      bad.addAll(kind.get() == Kind.KERNEL ? writers : mounting(pod, volume.name(), false));
      fields.add(FieldPath.of("spec", "volumes").index(volume.index()).key("hostPath").key("path"));
    }
    if (parts.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    List<String> inVisitingOrder =
        pod.spec().allContainers().stream()
            .map(Container::name)
            .filter(bad::contains)
            .distinct()
            .toList();
    return CheckResult.forbidden(
        "sensitive host paths", String.join(", ", parts), inVisitingOrder, fields);
  }

  /** The containers that mount the volume (only writable mounts when asked), in visiting order. */
  private static List<String> mounting(Pod pod, String volume, boolean writableOnly) {
    List<String> names = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      for (VolumeMount mount : container.volumeMounts()) {
        if (volume != null
            && volume.equals(mount.name())
            && (!writableOnly || mount.writable())
            && !names.contains(container.name())) {
          names.add(container.name());
        }
      }
    }
    return names;
  }
}
