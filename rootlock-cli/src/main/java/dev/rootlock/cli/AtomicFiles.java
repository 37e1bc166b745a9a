package dev.rootlock.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report (or any file a verb's {@code -o} names) beside its target and renames it, so a
 * failed run never leaves half a file. The file gets the mode a shell redirect would give it: a new
 * one the umask's ({@code 0644} under the usual {@code 022}), an existing one keeps its own.
 * {@link Files#createTempFile} would make every report {@code 0600}, which hides it from the CI
 * job's other users and from a web server publishing it.
 */
final class AtomicFiles {

  /** What to write into the file. */
  interface WriterAction {
    void accept(Writer writer) throws IOException;
  }

  private AtomicFiles() {}

  static void write(Path target, WriterAction action) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = create(directory, "." + absolute.getFileName());
    try {
      try (Writer writer =
          new OutputStreamWriter(
              Files.newOutputStream(temporary, StandardOpenOption.WRITE), StandardCharsets.UTF_8)) {
        action.accept(writer);
      }
      keepMode(absolute, temporary);
      try {
        Files.move(
            temporary,
            absolute,
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** {@link #write} of {@code text}; a failure becomes a one-line {@link UserException}. */
  static void writeText(Path target, String text) {
    try {
      write(target, writer -> writer.write(text));
    } catch (IOException e) {
      throw new UserException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * A new, empty file under a random name, created with the default mode so that the kernel
   * applies the umask, which Java cannot read; {@code CREATE_NEW} refuses a name (or a link)
   * that is already there.
   */
  private static Path create(Path directory, String prefix) throws IOException {
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

  /** An existing report keeps its mode, as {@code > file} keeps it. */
  private static void keepMode(Path target, Path temporary) throws IOException {
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributeView from =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributeView to =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (from != null && to != null) {
      to.setPermissions(from.readAttributes().permissions());
    }
  }
}
