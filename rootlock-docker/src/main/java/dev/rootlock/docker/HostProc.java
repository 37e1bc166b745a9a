package dev.rootlock.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container process seen from the host's /proc: its mountinfo, its status and its root file
 * system. Only usable when rootlock shares the engine's pid namespace with enough privilege
 * (root on the Docker host); {@link #reachable(long)} says whether it is.
 */
public final class HostProc {

  private final Path procRoot;

  public HostProc(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** The host's /proc. */
  public static HostProc host() {
    return new HostProc(Path.of("/proc"));
  }

  /** Whether this process can read the container process's mountinfo, status and root. */
  public boolean reachable(long pid) {
    if (pid <= 0) {
      return false;
    }
    Path dir = procRoot.resolve(Long.toString(pid));
    return Files.isReadable(dir.resolve("mountinfo")) && Files.isReadable(dir.resolve("status"))
        && Files.isDirectory(dir.resolve("root"));
  }

  public List<String> mountinfo(long pid) throws IOException {
    return Files.readAllLines(procRoot.resolve(pid + "/mountinfo"));
  }

  public List<String> status(long pid) throws IOException {
    return Files.readAllLines(procRoot.resolve(pid + "/status"));
  }

  /** Mode bits, owner and group of {@code path} inside the container, through /proc/PID/root. */
  public Optional<PathEntry> stat(long pid, String path) {
    Path inside = procRoot.resolve(pid + "/root" + path);
    try {
      int mode = (Integer) Files.getAttribute(inside, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int uid = (Integer) Files.getAttribute(inside, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int gid = (Integer) Files.getAttribute(inside, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      return Optional.of(new PathEntry(path, mode & 07777, uid, gid,
          Files.isDirectory(inside, LinkOption.NOFOLLOW_LINKS), new byte[0]));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Bytes used by regular files under {@code path} inside the container (0 when unreadable). */
  public long bytesUnder(long pid, String path) {
    Path inside = procRoot.resolve(pid + "/root" + path);
    try (Stream<Path> files = Files.walk(inside)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // a file removed while walking takes no space any more
        }
      }).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /** Whether a process with these ids may create entries in a directory with this entry's bits. */
  public static boolean canWrite(PathEntry dir, long uid, List<Long> gids) {
    if (uid == 0) {
      return true;
    }
    int mode = dir.mode();
    if (dir.uid() == uid) {
      return (mode & 0300) == 0300;
    }
    if (gids.contains(dir.gid())) {
      return (mode & 0030) == 0030;
    }
    return (mode & 0003) == 0003;
  }
}
