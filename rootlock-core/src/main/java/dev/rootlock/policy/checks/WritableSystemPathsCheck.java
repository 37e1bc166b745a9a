package dev.rootlock.policy.checks;

import static dev.rootlock.policy.Messages.containers;
import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A writable volume mounted over a system directory gives back exactly what a read-only root takes
 * away: an attacker can replace binaries, libraries or {@code /etc} configuration (DNS, PAM, users)
 * through the mount.
 *
 * <p>Restricted fields: {@code spec.containers[*].volumeMounts[*].mountPath} together with its
 * {@code readOnly}, likewise for {@code initContainers} and {@code ephemeralContainers}. A mount is
 * at fault when it is writable ({@code readOnly} unset or false) and its path, normalised (empty
 * and {@code .} segments dropped, {@code ..} resolved), is {@code /}, {@code /etc}, {@code /bin},
 * {@code /sbin}, {@code /lib}, {@code /lib32}, {@code /lib64}, {@code /libx32}, {@code /usr},
 * {@code /usr/lib}, {@code /usr/lib64}, {@code /usr/bin}, {@code /usr/sbin}, {@code /usr/local/bin}
 * or {@code /usr/local/sbin}. Allowed: a read-only mount, or any other path. Mounts of {@code
 * configMap}, {@code secret}, {@code downwardAPI} and {@code projected} volumes are allowed
 * anywhere: the kubelet always mounts them read-only.
 */
public final class WritableSystemPathsCheck implements Check<Pod> {

  public static final String ID = "writableSystemPaths";

  /** Directories whose contents decide what runs and how: the root itself, configuration, code. */
  static final Set<String> SYSTEM_PATHS =
      Set.of(
          "/",
          "/etc",
          "/bin",
          "/sbin",
          "/lib",
          "/lib32",
          "/lib64",
          "/libx32",
          "/usr",
          "/usr/lib",
          "/usr/lib64",
          "/usr/bin",
          "/usr/sbin",
          "/usr/local/bin",
          "/usr/local/sbin");

  /** Volume sources the kubelet mounts read-only whatever the mount says. */
  private static final Set<String> ALWAYS_READ_ONLY_SOURCES =
      Set.of("configMap", "secret", "downwardAPI", "projected");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must not mount writable volumes over system directories.",
        VersionedCheck.since(0, WritableSystemPathsCheck::v1_0));
  }

  static CheckResult v1_0(Pod pod) {
    Map<String, Volume> volumes = new HashMap<>();
    for (Volume volume : pod.spec().volumes()) {
      volumes.putIfAbsent(volume.name(), volume);
    }
    List<String> bad = new ArrayList<>();
    List<String> volumeNames = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Container container : pod.spec().allContainers()) {
      List<VolumeMount> mounts = container.volumeMounts();
      boolean offends = false;
      for (int index = 0; index < mounts.size(); index++) {
        VolumeMount mount = mounts.get(index);
        String path = normalise(mount.mountPath());
        if (!mount.writable()
            || path == null
            || !SYSTEM_PATHS.contains(path)
            || alwaysReadOnly(volumes.get(mount.name()))) {
          continue;
        }
        offends = true;
        volumeNames.add(mount.name());
        paths.add(path);
        fields.add(container.path().key("volumeMounts").index(index).key("mountPath"));
      }
      if (offends) {
        bad.add(container.displayName());
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    String detail =
        paths.size() == 1
            ? containers(bad)
                + " must not mount volume "
                + joinQuote(volumeNames)
                + " writable at "
                + joinQuote(paths)
            : containers(bad)
                + " must not mount writable volumes at "
                + joinQuote(sortedSet(paths));
    return CheckResult.forbidden("writable system path", detail, bad, fields);
  }

  /**
   * The absolute path a runtime mounts at: {@code //usr/./bin/} and {@code /usr/lib/../bin} are
   * {@code /usr/bin}; {@code ..} never climbs above {@code /}; a relative path is taken from {@code
   * /}. Null for a missing or empty path, which names no directory.
   */
  static String normalise(String mountPath) {
    if (mountPath == null || mountPath.isEmpty()) {
      return null;
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : mountPath.split("/", -1)) {
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
    return "/" + String.join("/", segments);
  }

  /** Whether the kubelet mounts this volume read-only; false for a volume the pod does not have. */
  private static boolean alwaysReadOnly(Volume volume) {
    return volume != null
        && !volume.sources().isEmpty()
        && ALWAYS_READ_ONLY_SOURCES.containsAll(volume.sources());
  }
}
