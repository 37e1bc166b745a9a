package dev.rootlock.source;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way rootlock writes a file: the new contents go to a temporary file in the same directory
 * (so the rename stays on one file system) and are renamed over the target, so a reader never sees
 * half a file and a failed run never leaves one.
 *
 * <p>{@link #replace} rewrites a user's file ({@code fix --write}): the temporary file gets the
 * original's permissions (and owner and group where allowed), is flushed to disk, and replaces the
 * original only if it still holds exactly what was read, so an edit made meanwhile by someone else
 * is never overwritten. The directory is flushed too, so that the rename survives a crash: at once
 * by default, or, for a writer made with {@link #deferringDirectorySyncs}, once per directory when
 * {@link #syncDirectories} is called at the end of a run. Either way, after a crash each file holds
 * either its old bytes or its new ones, never part of either, and is never missing: the new bytes
 * are on disk before the rename, and a rename is atomic in the file system's journal, so a rename
 * the crash lost leaves the old name on the old, untouched file, and the temporary file a leftover
 * that {@link #removeStale} removes on the next run. Deferring moves only the moment from which the
 * new bytes are certain to outlive a crash: the end of the run, not each file's write. {@link
 * #write} writes a report or any file a verb's {@code -o} names, with the mode a shell redirect
 * would give it: a new one the umask's ({@code 0644} under the usual {@code 022}), an existing one
 * keeps its own ({@link Files#createTempFile} would make every report {@code 0600}, hiding it from
 * the CI job's other users and from a web server publishing it).
 */
public final class AtomicWriter {

  /** Why a file was not written. */
  public static final class WriteException extends Exception {
    WriteException(String message) {
      super(message);
    }
  }

  /** What a file held when it was read. */
  @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
  public record Snapshot(byte[] bytes, FileTime modified) {}

  /** Called after the temporary file is written and before the original is checked (tests). */
  public interface BeforeReplace {
    BeforeReplace NONE = target -> {};

    void run(Path target) throws IOException;
  }

  /** What to write into a file. */
  public interface WriterAction {
    void accept(Writer writer) throws IOException;
  }

  /** The temporary file's suffix. */
  static final String TEMP_SUFFIX = ".rootlock";

  private final BeforeReplace hook;

  /**
   * The directories a rename went into since the last sync, in order; null: each synced at once.
   */
  private final Set<Path> unsynced;

  /** Each directory's leftover temporary files, listed once per writer ({@link #removeStale}). */
  private final Map<Path, List<Path>> leftovers = new HashMap<>();

  /**
   * The random part of temporary names, set up on the first write: SecureRandom's set-up (its
   * security providers) cost about 9 ms of every cold {@code rootlock fix}, which by default writes
   * nothing.
   */
  private static final class Names {
    static final SecureRandom RANDOM = new SecureRandom();
  }

  public AtomicWriter(BeforeReplace hook) {
    this(hook, false);
  }

  private AtomicWriter(BeforeReplace hook, boolean deferDirectorySyncs) {
    this.hook = hook;
    this.unsynced = deferDirectorySyncs ? new LinkedHashSet<>() : null;
  }

  /**
   * A writer that flushes each directory once, when {@link #syncDirectories} is called, rather than
   * after every rename into it (the crash guarantee is argued in the class comment). The caller
   * must call {@link #syncDirectories} when its run ends, however it ends.
   */
  public static AtomicWriter deferringDirectorySyncs(BeforeReplace hook) {
    return new AtomicWriter(hook, true);
  }

  /**
   * Flushes every directory a file was renamed into since the last call, each once, and returns
   * them in the order of their first rename.
   */
  public List<Path> syncDirectories() {
    if (unsynced == null) {
      return List.of();
    }
    List<Path> directories = List.copyOf(unsynced);
    unsynced.clear();
    directories.forEach(AtomicWriter::syncDirectory);
    return directories;
  }

  /**
   * Writes what {@code action} writes, as UTF-8, into {@code target}, new or not, all at once.
   * Unlike {@link #replace} it neither needs a snapshot nor forces the data to disk: a report can
   * be produced again.
   */
  public static void write(Path target, WriterAction action) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = createWithUmask(directory, "." + absolute.getFileName());
    try {
      try (Writer writer =
          new OutputStreamWriter(
              Files.newOutputStream(temporary, StandardOpenOption.WRITE), StandardCharsets.UTF_8)) {
        action.accept(writer);
      }
      keepMode(absolute, temporary);
      moveOver(temporary, absolute);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Renames {@code temporary} over {@code target}, atomically where the file system can. */
  private static void moveOver(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * A new, empty file under a random name, created with the default mode so that the kernel applies
   * the umask, which Java cannot read; {@code CREATE_NEW} refuses a name (or a link) that is
   * already there.
   */
  private static Path createWithUmask(Path directory, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      byte[] random = new byte[6];
      ThreadLocalRandom.current().nextBytes(random);
      Path candidate = directory.resolve(prefix + "." + HexFormat.of().formatHex(random) + ".tmp");
      try {
        Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW).close();
        return candidate;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 16) {
          throw e;
        }
      }
    }
  }

  /** An existing file keeps its mode, as {@code > file} keeps it. */
  private static void keepMode(Path target, Path temporary) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributeView from =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView to = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (from != null && to != null) {
      to.setPermissions(from.readAttributes().permissions());
    }
  }

  /** Reads a regular file, bounded like every input read ({@link InputFiles#readFile}). */
  public static Snapshot snapshot(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    return new Snapshot(InputFiles.readFile(file), modified);
  }

  /**
   * The number of names the file has. A rename gives the new text to this name only and silently
   * parts it from the others, so a file with more than one is refused rather than rewritten.
   */
  public static int links(Path file) {
    try {
      return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return 1;
    }
  }

  /**
   * Replaces {@code target}'s contents with {@code contents}, provided it still holds what {@code
   * read} saw.
   */
  public void replace(Path target, Snapshot read, byte[] contents) throws WriteException {
    if (!Files.exists(target)) {
      throw new WriteException("vanished before it could be written; nothing written");
    }
    if (readOnly(target)) {
      throw new WriteException("is read-only; not written");
    }
    Path dir = target.toAbsolutePath().getParent();
    Temp temp;
    try {
      temp = createTemp(dir, tempPrefix(target));
    } catch (AccessDeniedException e) {
      throw new WriteException(
          "cannot create a temporary file in " + dir + " (permission denied);" + " not written");
    } catch (IOException e) {
      throw new WriteException(
          "cannot create a temporary file in " + dir + ": " + e.getMessage() + "; not written");
    }
    try {
      try (FileChannel channel = temp.channel()) {
        ByteBuffer buffer = ByteBuffer.wrap(contents);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      copyAttributes(target, temp.path());
      hook.run(target);
      if (!unchanged(target, read)) {
        throw new WriteException("changed on disk since it was read; not overwritten");
      }
      moveOver(temp.path(), target);
      if (unsynced == null) {
        syncDirectory(dir);
      } else {
        unsynced.add(dir);
      }
    } catch (NoSuchFileException e) {
      throw new WriteException("vanished before it could be written; nothing written");
    } catch (IOException e) {
      throw new WriteException("cannot be written: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(temp.path());
      } catch (IOException e) {
        // The temporary file is hidden and named for rootlock; leaving it is the lesser evil.
      }
    }
  }

  /**
   * Flushes the directory, so that the rename itself survives a crash: without it the new name can
   * be lost while the old file is already gone from the journal's view.
   */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for reading; the rename is done all the same.
    }
  }

  /** A temporary file, open for writing. */
  private record Temp(Path path, FileChannel channel) {}

  /**
   * Creates a temporary file named as {@link Files#createTempFile} names it (the prefix, a random
   * unsigned long, the suffix), readable by its owner alone until {@link #copyAttributes} gives it
   * the original's mode, and opens it for writing: one system call, where {@link
   * Files#createTempFile} and a second open took two. {@code CREATE_NEW} refuses a name (or a link)
   * that is already there; a taken name is tried again with another.
   */
  private static Temp createTemp(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate =
          dir.resolve(prefix + Long.toUnsignedString(Names.RANDOM.nextLong()) + TEMP_SUFFIX);
      try {
        return new Temp(
            candidate,
            FileChannel.open(
                candidate,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 16) {
          throw e;
        }
      }
    }
  }

  /**
   * The temporary file's prefix: hidden, named for the file and for this process, {@code
   * .deploy.yaml.4711.}, so that {@link #removeStale} can tell a dead run's leftover from a live
   * run's file.
   */
  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
  }

  /**
   * Removes the temporary files a killed run ({@code kill -9}, a power cut) left next to {@code
   * target}: regular files named for it by a process that no longer runs. A live process's file,
   * and anything not named exactly so, is left alone. Each directory is listed once per writer, at
   * its first target, rather than once for every file in it.
   */
  public void removeStale(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    String prefix = "." + target.getFileName() + ".";
    Iterator<Path> entries = leftovers.computeIfAbsent(dir, AtomicWriter::temps).iterator();
    while (entries.hasNext()) {
      Path entry = entries.next();
      String name = entry.getFileName().toString();
      if (!name.startsWith(prefix)) {
        continue;
      }
      String rest = name.substring(prefix.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || !rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
        continue;
      }
      long pid = Long.parseLong(rest.substring(0, Math.min(dot, 18)));
      try {
        if (ProcessHandle.of(pid).isEmpty()
            && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          entries.remove();
          Files.deleteIfExists(entry);
        }
      } catch (IOException | RuntimeException e) {
        // Cleaning up is a courtesy: a leftover that cannot be removed harms nothing.
      }
    }
  }

  /** The names in {@code dir} that may be temporary files: hidden, with the suffix. */
  private static List<Path> temps(Path dir) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(
            dir,
            entry -> {
              String name = entry.getFileName().toString();
              return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
            })) {
      entries.forEach(found::add);
    } catch (IOException | RuntimeException e) {
      // Cleaning up is a courtesy: a directory that cannot be listed has nothing removed.
    }
    return found;
  }

  /**
   * Whether the file may not be written: the system says so, or its owner has no write permission,
   * which root would ignore but rootlock takes as the user's wish.
   */
  private static boolean readOnly(Path target) {
    if (!Files.isWritable(target)) {
      return true;
    }
    try {
      return !Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  private static boolean unchanged(Path target, Snapshot read) throws IOException {
    return Files.getLastModifiedTime(target).equals(read.modified())
        && Arrays.equals(InputFiles.readFile(target), read.bytes());
  }

  /**
   * Gives the temporary file the original's mode, owner and group. Read and set as numbers through
   * the {@code unix} view: the {@code posix} view's owner and group are names, and each lookup read
   * /etc/passwd or /etc/group, twice per written file. The owner and group are set only when they
   * differ, which for a user fixing their own files they do not.
   */
  private static void copyAttributes(Path from, Path to) throws IOException {
    Map<String, Object> source;
    Map<String, Object> target;
    try {
      source = Files.readAttributes(from, "unix:mode,uid,gid");
      target = Files.readAttributes(to, "unix:uid,gid");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return; // not a Unix file system: nothing to keep
    }
    // The permission bits, as PosixFilePermissions has them: never setuid, setgid or sticky.
    Files.setAttribute(to, "unix:mode", (Integer) source.get("mode") & 0777);
    try {
      if (!source.get("gid").equals(target.get("gid"))) {
        Files.setAttribute(to, "unix:gid", source.get("gid"));
      }
      if (!source.get("uid").equals(target.get("uid"))) {
        Files.setAttribute(to, "unix:uid", source.get("uid"));
      }
    } catch (IOException e) {
      // Only root may give a file away; the file then belongs to whoever ran the fix.
    }
  }
}
