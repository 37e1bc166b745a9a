package dev.rootlock.policy.docker;

import static dev.rootlock.policy.Messages.joinQuote;
import static dev.rootlock.policy.Messages.sortedSet;
import static dev.rootlock.policy.docker.Wording.subject;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A writable mount over a system directory gives back exactly what {@code read_only} took away:
 * {@code /etc} holds identities, name resolution, {@code ld.so.preload} and trust stores; {@code
 * /bin}, {@code /sbin}, {@code /usr}, {@code /lib*} and every {@code PATH} directory hold the code
 * that entrypoints, probes and {@code docker exec} run.
 *
 * <p>Restricted fields: the targets of {@code volumes[*]} and {@code tmpfs} ({@code -v}, {@code
 * --mount}, {@code --tmpfs}). A writable mount (bind, volume or tmpfs) must not target {@code /}
 * itself, nor {@code /etc}, {@code /bin}, {@code /sbin}, {@code /usr}, any {@code /lib*}, or a
 * directory of the {@code PATH} the configuration sets, or anything below them. Read-only mounts
 * are allowed. Messages quote the targets as written.
 */
public final class SystemPathMountsCheck implements Check<ContainerConfig> {

  public static final String ID = "systemPathMounts";

  private static final List<String> SYSTEM_DIRS = List.of("/etc", "/bin", "/sbin", "/usr");

  @Override
  public CheckDefinition<ContainerConfig> definition() {
    return CheckDefinition.of(
        ID,
        Level.HARDENED,
        "Containers must not mount anything writable over /, /etc, /bin, /sbin, /lib*, /usr or"
            + " PATH.",
        VersionedCheck.since(0, SystemPathMountsCheck::v1_0));
  }

  static CheckResult v1_0(ContainerConfig config) {
    List<String> pathDirs = pathDirs(config.pathEnv());
    List<String> targets = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (Mount mount : config.mounts()) {
      if (mount.writable() && isSystemPath(mount.target(), pathDirs)) {
        targets.add(mount.target());
        fields.add(mount.path());
      }
    }
    for (TmpfsMount mount : config.tmpfs()) {
      if (!mount.readOnly() && isSystemPath(mount.target(), pathDirs)) {
        targets.add(mount.target());
        fields.add(mount.path());
      }
    }
    if (targets.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    return CheckResult.forbidden(
        "writable system paths",
        subject(config) + " must mount " + joinQuote(sortedSet(targets)) + " read-only",
        List.of(config.name()),
        fields);
  }

  static boolean isSystemPath(String target, List<String> pathDirs) {
    if (target == null || !target.startsWith("/")) {
      return false;
    }
    String clean = clean(target);
    if (clean.equals("/")) {
      return true;
    }
    String top = clean.substring(1).split("/", 2)[0];
    if (top.startsWith("lib")) {
      return true;
    }
    List<String> dirs = new ArrayList<>(SYSTEM_DIRS);
    dirs.addAll(pathDirs);
    return dirs.stream().anyMatch(dir -> clean.equals(dir) || clean.startsWith(dir + "/"));
  }

  /** The absolute, literal directories of a {@code PATH} value; empty when it sets none. */
  static List<String> pathDirs(String pathEnv) {
    List<String> dirs = new ArrayList<>();
    if (pathEnv != null) {
      for (String dir : pathEnv.split(":", -1)) {
        if (dir.startsWith("/") && !dir.contains("$")) {
          String clean = clean(dir);
          if (!clean.equals("/")) {
            dirs.add(clean);
          }
        }
      }
    }
    return dirs;
  }

  /**
   * {@code /usr//local/./bin/} gives {@code /usr/local/bin}; {@code ..} climbs, never above root.
   */
  static String clean(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
