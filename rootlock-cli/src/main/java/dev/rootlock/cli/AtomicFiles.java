package dev.rootlock.cli;

import dev.rootlock.engine.AtomicOutput;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CLI's way into {@link AtomicOutput#write}: a report (or any file a verb's {@code -o} names)
 * written all at once, with a failure turned into the one-line {@link UserException} every verb
 * reports.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path target, AtomicOutput.Content content) throws IOException {
    AtomicOutput.write(target, content);
  }

  /** {@link #write} of {@code text}; a failure becomes a one-line {@link UserException}. */
  static void writeText(Path target, String text) {
    try {
      write(target, writer -> writer.write(text));
    } catch (IOException e) {
      throw new UserException("cannot write " + target + ": " + reason(target, e), e);
    }
  }

  /**
   * Why {@code target} could not be written, in words: the JDK's message for a missing directory or
   * a refused one is the path of the temporary file beside the target, which the user never named.
   */
  static String reason(Path target, IOException e) {
    Path parent = target.toAbsolutePath().getParent();
    if (e instanceof NoSuchFileException) {
      return "no such directory " + parent;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied in " + parent;
    }
    return e.getMessage();
  }
}
