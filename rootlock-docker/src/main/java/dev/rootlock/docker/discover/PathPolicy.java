package dev.rootlock.docker.discover;

import dev.rootlock.docker.trial.RefusedWriteParser;
import dev.rootlock.model.image.Medium;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which paths may be proposed as writable, and on what medium. Refuses {@code /etc}, PATH
 * directories, {@code /usr}, {@code /lib*}, {@code /bin}, {@code /sbin}, {@code /boot}, broad
 * parents and the application's own code directory, each with what to reconfigure instead
 * (discovery.md §4.2).
 */
public final class PathPolicy {

  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** Directories whose whole content a mount would hide; mount a narrower child instead. */
  private static final Set<String> BROAD =
      Set.of(
          "/",
          "/var",
          "/var/lib",
          "/var/cache",
          "/opt",
          "/home",
          "/srv",
          "/mnt",
          "/media",
          "/root");

  private final List<String> pathDirs;
  private final Set<String> codeDirs;

  /**
   * @param pathVariable the container's PATH (Docker's default when the image sets none)
   * @param codeDirs directories holding the application's own code (its entrypoint script's dir)
   */
  public PathPolicy(String pathVariable, Set<String> codeDirs) {
    String path = pathVariable == null || pathVariable.isBlank() ? DEFAULT_PATH : pathVariable;
    this.pathDirs =
        java.util.Arrays.stream(path.split(":"))
            .filter(d -> d.startsWith("/"))
            .map(RefusedWriteParser::normalize)
            .distinct()
            .toList();
    this.codeDirs = Set.copyOf(codeDirs);
  }

  /** Why {@code mountPoint} must not be made writable, or empty when it may be. */
  public Optional<String> refusal(String mountPoint) {
    if (under(mountPoint, "/etc")) {
      return Optional.of(
          "/etc holds identity (passwd, shadow), the dynamic loader (ld.so.preload),"
              + " name resolution and TLS trust; a writable /etc lets an attacker change all of them."
              + " Reconfigure the application to write this file under a writable directory such as"
              + " /run/<app> or /tmp (a flag or environment variable), or bake it into the image at"
              + " build time; for a passwd entry for an arbitrary UID use nss_wrapper with its files"
              + " on a tmpfs.");
    }
    for (String dir : pathDirs) {
      if (mountPoint.equals(dir) || under(dir, mountPoint)) {
        return Optional.of(
            mountPoint
                + " is (or contains) a PATH directory ("
                + dir
                + "): a"
                + " writable one lets an attacker plant or shadow commands that entrypoints, probes"
                + " and `docker exec` run. Install binaries at build time; point downloads at /tmp.");
      }
    }
    if (under(mountPoint, "/usr")
        || mountPoint.matches("/lib[^/]*(/.*)?")
        || under(mountPoint, "/bin")
        || under(mountPoint, "/sbin")
        || under(mountPoint, "/boot")) {
      return Optional.of(
          mountPoint
              + " holds system binaries and shared libraries, which run with"
              + " the application's privileges. Install at build time; send caches elsewhere (e.g."
              + " XDG_CACHE_HOME or PYTHONDONTWRITEBYTECODE=1).");
    }
    if (under(mountPoint, "/proc") || under(mountPoint, "/sys") || under(mountPoint, "/dev")) {
      return Optional.of(
          mountPoint
              + " is a kernel or device file system managed by the runtime;"
              + " never mount over it.");
    }
    for (String code : codeDirs) {
      if (mountPoint.equals(code) || under(code, mountPoint)) {
        return Optional.of(
            mountPoint
                + " is (or contains) the application's own code directory ("
                + code
                + "): writable code means web-shell drops and modified scripts. Configure the"
                + " application to keep runtime state (pid, temp, cache files) in a subdirectory or"
                + " under /run or /tmp, and mount only that.");
      }
    }
    if (BROAD.contains(mountPoint)) {
      return Optional.of(
          mountPoint
              + " is a broad parent: an empty mount would hide everything"
              + " the image has there. Mount the narrowest directory the application writes.");
    }
    return Optional.empty();
  }

  /** Whether a mount at this path would hide a broad parent (so mount a narrower child). */
  public static boolean isBroad(String path) {
    return BROAD.contains(path);
  }

  /** The medium for a writable path; {@code volume} when the image declares it a VOLUME. */
  public static Medium classify(String mountPoint, boolean volume) {
    String p = mountPoint.toLowerCase(java.util.Locale.ROOT);
    if (volume) {
      return Medium.PERSISTENT;
    }
    // Run directories first: /var/run/postgresql holds a socket and a lock, not the database.
    if (p.equals("/tmp")
        || under(p, "/run")
        || under(p, "/var/run")
        || under(p, "/var/lock")
        || under(p, "/dev/shm")
        || p.matches(".*/(pid|pids|sock|sockets?|locks?|run|tmp)$")) {
      return Medium.MEMORY;
    }
    if (p.matches(
        ".*/(data|db|database|uploads?|storage|plugins|pgdata|mysql|postgresql"
            + "|mongodb|redis)(/.*)?")) {
      return Medium.PERSISTENT;
    }
    return Medium.DISK; // caches, logs, spool, request-body spill: may grow, keep them off RAM
  }

  static boolean under(String path, String dir) {
    return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }
}
