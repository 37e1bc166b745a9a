package dev.rootlock.docker.discover;

import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.trial.RefusedWrite;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns evidence of writes (a {@code docker diff}, a refused-write path) into the directory to
 * mount: the existing directory the writes land in, unless that is a broad parent, in which case
 * the top-most directory the application created itself (discovery.md §2, "Suggested parser").
 */
public final class MountPoints {

  /** Files the runtime bind-mounts into every container; their changes are not the app's. */
  private static final Set<String> RUNTIME_FILES =
      Set.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/.dockerenv");

  private MountPoints() {}

  /** A file the runtime bind-mounts into every container (/etc/hosts, ...). */
  static boolean runtimeFile(String path) {
    return RUNTIME_FILES.contains(path);
  }

  /**
   * Mount points for the changes of a writable run, each mapped to the diff lines that led to it.
   * Changes at or under {@code ignored} (volume destinations) and runtime files are left out.
   */
  public static Map<String, List<String>> fromDiff(List<FileChange> changes, Set<String> ignored) {
    Map<String, FileChange.Kind> kinds = new LinkedHashMap<>();
    for (FileChange change : changes) {
      String path = change.path();
      if (RUNTIME_FILES.contains(path)
          || path.startsWith("/proc/")
          || path.startsWith("/sys/")
          || path.startsWith("/dev/")
          || ignored.stream().anyMatch(v -> PathPolicy.under(path, v))) {
        continue;
      }
      kinds.putIfAbsent(path, change.kind());
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (var entry : kinds.entrySet()) {
      String leaf = entry.getKey();
      boolean hasChild = kinds.keySet().stream().anyMatch(p -> p.startsWith(leaf + "/"));
      if (hasChild
          || (entry.getValue() == FileChange.Kind.MODIFIED && isParentOfIgnored(leaf, ignored))) {
        continue; // a parent listed as changed only because something below it changed
      }
      String top = leaf;
      while (kinds.get(parent(top)) == FileChange.Kind.ADDED) {
        top = parent(top);
      }
      String mount;
      if (kinds.get(top) == FileChange.Kind.ADDED) {
        String existing = parent(top);
        mount = PathPolicy.isBroad(existing) ? top : existing;
      } else {
        String dir = parent(leaf); // a changed or deleted entry: its directory
        mount = PathPolicy.isBroad(dir) ? leaf : dir;
      }
      result
          .computeIfAbsent(mount, k -> new java.util.ArrayList<>())
          .add(entry.getValue().letter() + " " + leaf);
    }
    return collapse(result);
  }

  /**
   * The mount point for one refused write. {@code exists} answers whether a path exists in the
   * image; the path's nearest existing directory is chosen unless it is broad, then the top-most
   * missing directory below it.
   */
  public static String forRefusedWrite(RefusedWrite write, Predicate<String> exists) {
    String path = write.path();
    String top = write.directory() ? path : parent(path);
    if (exists.test(top)) {
      return top; // a file in an existing directory, or a refused mkdir of an existing one
    }
    while (!parent(top).equals("/") && !exists.test(parent(top))) {
      top = parent(top);
    }
    String existing = parent(top);
    return PathPolicy.isBroad(existing) ? top : existing;
  }

  /** Keeps only the outermost of nested mount points, merging their evidence. */
  static Map<String, List<String>> collapse(Map<String, List<String>> mounts) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    Set<String> paths = new LinkedHashSet<>(mounts.keySet());
    for (String path : paths) {
      String outer =
          paths.stream()
              .filter(p -> !p.equals(path) && PathPolicy.under(path, p))
              .findFirst()
              .orElse(path);
      result.computeIfAbsent(outer, k -> new java.util.ArrayList<>()).addAll(mounts.get(path));
    }
    return result;
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static boolean isParentOfIgnored(String path, Set<String> ignored) {
    return ignored.stream().anyMatch(v -> v.startsWith(path + "/") || v.equals(path));
  }
}
