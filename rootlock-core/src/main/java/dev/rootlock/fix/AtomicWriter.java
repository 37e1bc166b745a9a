package dev.rootlock.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;

/**
 * Replaces a file's contents all at once: the new text goes to a temporary file in the same
 * directory (so the rename stays on one file system), gets the original's permissions (and owner
 * and group where allowed), is flushed to disk, and is renamed over the original, but only if the
 * original still holds exactly what was read. A reader never sees half a file, and an edit made
 * meanwhile by someone else is never overwritten.
 */
final class AtomicWriter {

  /** Why a file was not written. */
  static final class WriteException extends Exception {
    WriteException(String message) {
      super(message);
    }
  }

  /** What a file held when it was read. */
  record Snapshot(byte[] bytes, FileTime modified) {}

  /** Called after the temporary file is written and before the original is checked (tests). */
  interface BeforeReplace {
    BeforeReplace NONE = target -> {};

    void run(Path target) throws IOException;
  }

  private final BeforeReplace hook;

  AtomicWriter(BeforeReplace hook) {
    this.hook = hook;
  }

  static Snapshot snapshot(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    return new Snapshot(Files.readAllBytes(file), modified);
  }

  void replace(Path target, Snapshot read, byte[] contents) throws WriteException {
    if (!Files.exists(target)) {
      throw new WriteException("vanished before it could be written; nothing written");
    }
    if (readOnly(target)) {
      throw new WriteException("is read-only; not written");
    }
    Path dir = target.toAbsolutePath().getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".rootlock");
    } catch (AccessDeniedException e) {
      throw new WriteException(
          "cannot create a temporary file in " + dir + " (permission denied);" + " not written");
    } catch (IOException e) {
      throw new WriteException(
          "cannot create a temporary file in " + dir + ": " + e.getMessage() + "; not written");
    }
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(contents);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      copyAttributes(target, temp);
      hook.run(target);
      if (!unchanged(target, read)) {
        throw new WriteException("changed on disk since it was read; not overwritten");
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (NoSuchFileException e) {
      throw new WriteException("vanished before it could be written; nothing written");
    } catch (IOException e) {
      throw new WriteException("cannot be written: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The temporary file is hidden and named for rootlock; leaving it is the lesser evil.
      }
    }
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
        && Arrays.equals(Files.readAllBytes(target), read.bytes());
  }

  private static void copyAttributes(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (source == null || target == null) {
      return;
    }
    PosixFileAttributes attributes = source.readAttributes();
    target.setPermissions(attributes.permissions());
    try {
      target.setGroup(attributes.group());
      target.setOwner(attributes.owner());
    } catch (IOException e) {
      // Only root may give a file away; the file then belongs to whoever ran the fix.
    }
  }
}
