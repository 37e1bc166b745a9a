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
 * system. Only usable when rootlock shares the engine's pid namespace with enough privilege (root
 * on the Docker host); {@link #reachable(long)} says whether it is.
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
    return Files.isReadable(dir.resolve("mountinfo"))
        && Files.isReadable(dir.resolve("status"))
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
      return Optional.of(
          new PathEntry(
              path,
              mode & 07777,
              uid,
              gid,
              Files.isDirectory(inside, LinkOption.NOFOLLOW_LINKS),
              new byte[0]));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Bytes used by regular files under {@code path} inside the container (0 when unreadable). */
  public long bytesUnder(long pid, String path) {
    Path inside = procRoot.resolve(pid + "/root" + path);
    try (Stream<Path> files = Files.walk(inside)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // a file removed while walking takes no space any more
                }
              })
          .sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  /**
   * The container's processes, {@code pid} and every descendant (through {@code
   * /proc/PID/task/TID/children}), with their real uid and gid as {@code [pid, uid, gid]}.
   */
  public List<long[]> processTree(long pid) {
    List<long[]> result = new java.util.ArrayList<>();
    java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(pid));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (!todo.isEmpty() && seen.size() < 4096) {
      long next = todo.poll();
      if (!seen.add(next)) {
        continue;
      }
      try {
        long uid = -1;
        long gid = -1;
        for (String line : status(next)) {
          if (line.startsWith("Uid:")) {
            uid = Long.parseLong(line.substring(4).strip().split("\\s+", -1)[0]);
          } else if (line.startsWith("Gid:")) {
            gid = Long.parseLong(line.substring(4).strip().split("\\s+", -1)[0]);
          }
        }
        result.add(new long[] {next, uid, gid});
        try (Stream<Path> tasks = Files.list(procRoot.resolve(next + "/task"))) {
          for (Path task : tasks.toList()) {
            String children = Files.readString(task.resolve("children")).strip();
            if (!children.isEmpty()) {
              for (String child : children.split("\\s+", -1)) {
                todo.add(Long.parseLong(child));
              }
            }
          }
        }
      } catch (IOException | java.io.UncheckedIOException | NumberFormatException e) {
        // The process exited while we looked: it has no ids and no children any more.
      }
    }
    return result;
  }

  /** TCP ports in LISTEN state in the network namespace of {@code pid} (IPv4 and IPv6). */
  public java.util.Set<Integer> listeningPorts(long pid) {
    java.util.Set<Integer> ports = new java.util.TreeSet<>();
    for (String table : List.of("tcp", "tcp6")) {
      try {
        for (String line : Files.readAllLines(procRoot.resolve(pid + "/net/" + table))) {
          String[] fields = line.strip().split("\\s+", -1);
          // sl local_address rem_address st ...; state 0A is LISTEN
          if (fields.length > 3 && fields[3].equals("0A")) {
            String local = fields[1];
            ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // No such table (no IPv6) or the process is gone.
      }
    }
    return ports;
  }

  /**
   * Paths (as the process sees them) that process {@code pid} holds open for writing: regular files
   * only, as its fd links name them; pipes, sockets, devices and deleted files are left out.
   */
  public List<String> openForWrite(long pid) {
    List<String> paths = new java.util.ArrayList<>();
    try (Stream<Path> fds = Files.list(procRoot.resolve(pid + "/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (!target.startsWith("/")
              || target.startsWith("/dev/")
              || target.startsWith("/proc/")
              || target.endsWith(" (deleted)")) {
            continue;
          }
          for (String line :
              Files.readAllLines(procRoot.resolve(pid + "/fdinfo/" + fd.getFileName()))) {
            if (line.startsWith("flags:")
                && (Integer.parseInt(line.substring(6).strip(), 8) & 3) != 0) {
              paths.add(target);
            }
          }
        } catch (IOException | NumberFormatException e) {
          // Closed while we looked.
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // The process is gone.
    }
    return paths;
  }

  /**
   * The text of the log files under {@code dir} inside the container of {@code pid}, by path as the
   * container sees it: regular files named {@code *.log} or {@code *.err}, or anywhere below a
   * directory named {@code log} or {@code logs} (at most {@code maxFiles} files, four levels deep,
   * the last {@code maxBytes} of each; files with a NUL byte there are data, not logs, and left
   * out). Read through /proc/PID/root because that is the container's own mount namespace: a
   * tmpfs's contents are visible only there ({@code docker cp} shows the image's files beneath it).
   * Symbolic links are never followed, so a link the image plants cannot point the read at a host
   * file.
   */
  public java.util.SortedMap<String, String> logFiles(
      long pid, String dir, int maxFiles, int maxBytes) {
    java.util.SortedMap<String, String> logs = new java.util.TreeMap<>();
    Path root = procRoot.resolve(pid + "/root");
    Path inside = procRoot.resolve(pid + "/root" + dir);
    if (!Files.isDirectory(inside, LinkOption.NOFOLLOW_LINKS)) {
      return logs;
    }
    try (Stream<Path> files = Files.walk(inside, 4)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (logs.size() >= maxFiles) {
          break;
        }
        String path = "/" + root.relativize(file);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && logName(path)) {
          tail(file, maxBytes).ifPresent(text -> logs.put(path, text));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // The container stopped while we walked: what was read so far is all there is.
    }
    return logs;
  }

  private static boolean logName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".log")
        || name.endsWith(".err")
        || path.contains("/log/")
        || path.contains("/logs/");
  }

  private static Optional<String> tail(Path file, int maxBytes) {
    try (var channel =
        Files.newByteChannel(
            file, java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      channel.position(Math.max(0, size - maxBytes));
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.min(size, maxBytes));
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read until the buffer is full or the file ends (it may shrink while we read)
      }
      byte[] bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
      for (byte b : bytes) {
        if (b == 0) {
          return Optional.empty();
        }
      }
      return Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
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
