package dev.rootlock.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file beside its target and renames it, so a failed run never leaves half a file. */
final class AtomicFiles {

  /** What to write into the file. */
  interface WriterAction {
    void accept(Writer writer) throws IOException;
  }

  private AtomicFiles() {}

  static void write(Path target, WriterAction action) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
    try {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        action.accept(writer);
      }
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
}
