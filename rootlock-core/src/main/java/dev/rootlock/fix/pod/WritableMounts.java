package dev.rootlock.fix.pod;

import dev.rootlock.fix.plan.PlanBuilder;
import dev.rootlock.fix.plan.WritablePaths;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.image.Medium;
import dev.rootlock.model.image.WritablePath;
import dev.rootlock.model.pod.Container;
import dev.rootlock.model.pod.EmptyDir;
import dev.rootlock.model.pod.PodSpec;
import dev.rootlock.model.pod.Volume;
import dev.rootlock.model.pod.VolumeMount;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Gives the containers whose root becomes read-only the directories they write: {@code /tmp} and
 * the paths their image is known (or was discovered) to need. A path a writable mount already
 * covers is left alone; a volume the pod already mounts at that path is shared rather than
 * duplicated; new volume names never collide with existing ones.
 */
final class WritableMounts {

  private final PodSpec spec;
  private final PlanBuilder plan;
  private final Function<Container, List<String>> commands;

  /** Volume names in use, existing or planned. */
  private final Set<String> names = new HashSet<>();

  /** Path → the volume this plan mounts there (existing or new). */
  private final Map<String, String> volumeAt = new HashMap<>();

  /** Existing memory volumes this plan gives a sizeLimit. */
  private final Set<String> bounded = new HashSet<>();

  WritableMounts(PodSpec spec, PlanBuilder plan, Function<Container, List<String>> commands) {
    this.spec = spec;
    this.plan = plan;
    this.commands = commands;
    for (Volume volume : spec.volumes()) {
      names.add(volume.name());
    }
  }

  void add(List<Container> containers) {
    for (Container container : containers) {
      for (WritablePath path : pathsFor(container)) {
        if (path.medium() == Medium.PERSISTENT) {
          persistent(container, path);
        } else {
          mount(container, path);
        }
      }
    }
  }

  private List<WritablePath> pathsFor(Container container) {
    WritablePaths.Advice advice =
        WritablePaths.forContainer(plan.options(), container.image(), commands.apply(container));
    advice.notes().forEach(plan::note);
    return advice.paths();
  }

  private void persistent(Container container, WritablePath path) {
    if (coveringMount(container, path.path()) != null) {
      return;
    }
    plan.note(
        "container \""
            + container.displayName()
            + "\": "
            + path.path()
            + (path.purpose().isEmpty() ? "" : " (" + path.purpose() + ")")
            + " must persist: mount a PersistentVolumeClaim there");
  }

  private void mount(Container container, WritablePath path) {
    String where = normalise(path.path());
    VolumeMount covering = coveringMount(container, where);
    if (covering != null) {
      if (!covering.writable() && normalise(covering.mountPath()).equals(where)) {
        plan.note(
            "container \""
                + container.displayName()
                + "\": "
                + where
                + " is mounted read-only (volume \""
                + covering.name()
                + "\"); kept, but the image"
                + " writes there");
      }
      return;
    }
    String volume = volumeAt.get(where);
    if (volume == null) {
      volume = existingVolumeAt(where);
      if (volume == null) {
        volume = newVolume(where, path);
      }
      volumeAt.put(where, volume);
    }
    boundIfNeeded(volume(volume), path, container);
    Map<String, Object> mount = new LinkedHashMap<>();
    mount.put("name", volume);
    mount.put("mountPath", where);
    plan.append(container.path().key("volumeMounts"), mount);
  }

  /** A writable mount of {@code container} at {@code path} or one of its parents, or null. */
  private static VolumeMount coveringMount(Container container, String path) {
    VolumeMount found = null;
    for (VolumeMount mount : container.volumeMounts()) {
      String at = normalise(mount.mountPath());
      if (at == null) {
        continue;
      }
      boolean covers = WritablePaths.covers(at, path);
      if (covers && (found == null || at.length() > normalise(found.mountPath()).length())) {
        found = mount;
      }
    }
    return found;
  }

  /**
   * A volume the pod already mounts writable at {@code path} in another container, or an emptyDir
   * named for the path that nothing mounts elsewhere; null when there is none to reuse.
   */
  private String existingVolumeAt(String path) {
    for (Container other : spec.allContainers()) {
      for (VolumeMount mount : other.volumeMounts()) {
        if (mount.writable()
            && path.equals(normalise(mount.mountPath()))
            && mount.subPath() == null) {
          Volume volume = volume(mount.name());
          if (volume != null && (volume.emptyDir() != null || volume.sources().isEmpty())) {
            return volume.name();
          }
        }
      }
    }
    Volume named = volume(volumeName(path));
    if (named != null && named.emptyDir() != null && !mountedAnywhere(named.name())) {
      return named.name();
    }
    return null;
  }

  /** A shared memory volume must not become unbounded because a container without a limit joins. */
  private void boundIfNeeded(Volume volume, WritablePath wanted, Container container) {
    EmptyDir emptyDir = volume == null ? null : volume.emptyDir();
    if (emptyDir != null
        && emptyDir.inMemory()
        && emptyDir.sizeLimit() == null
        && container.memoryLimit() == null
        && bounded.add(volume.name())) {
      plan.set(
          FieldPath.of("spec", "volumes").index(volume.index()).keys("emptyDir", "sizeLimit"),
          sizeOf(wanted));
    }
  }

  private boolean mountedAnywhere(String name) {
    return spec.allContainers().stream()
        .flatMap(c -> c.volumeMounts().stream())
        .anyMatch(m -> name.equals(m.name()));
  }

  private Volume volume(String name) {
    for (Volume volume : spec.volumes()) {
      if (volume.name().equals(name)) {
        return volume;
      }
    }
    return null;
  }

  private String newVolume(String path, WritablePath wanted) {
    String base = volumeName(path);
    String name = base;
    for (int n = 2; names.contains(name); n++) {
      name = base + "-" + n;
    }
    names.add(name);
    Map<String, Object> emptyDir = new LinkedHashMap<>();
    if (wanted.medium() == Medium.MEMORY) {
      emptyDir.put("medium", "Memory");
    }
    emptyDir.put("sizeLimit", sizeOf(wanted));
    Map<String, Object> volume = new LinkedHashMap<>();
    volume.put("name", name);
    volume.put("emptyDir", emptyDir);
    plan.append(FieldPath.of("spec", "volumes"), volume);
    return name;
  }

  private String sizeOf(WritablePath wanted) {
    return WritablePaths.sizeOf(wanted, plan.options());
  }

  /** A DNS label from a path: {@code /var/cache/nginx} is {@code var-cache-nginx}. */
  static String volumeName(String path) {
    String name = NOT_DNS.matcher(path.toLowerCase(java.util.Locale.ROOT)).replaceAll("-");
    name = OUTER_DASHES.matcher(name).replaceAll("");
    if (name.isEmpty()) {
      name = "root";
    }
    return name.length() > 56
        ? TRAILING_DASHES.matcher(name.substring(0, 56)).replaceAll("")
        : name;
  }

  // Compiled once: String.replaceAll compiles its pattern on every call, for every mount planned.
  private static final Pattern NOT_DNS = Pattern.compile("[^a-z0-9]+");
  private static final Pattern OUTER_DASHES = Pattern.compile("^-+|-+$");
  private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

  private static String normalise(String path) {
    return WritablePaths.normalise(path);
  }
}
