package dev.rootlock.engine;

import dev.rootlock.source.AtomicWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The front ends' way to write a file they produce (a report, a verb's {@code -o}): through the one
 * atomic writer that {@code fix --write} and the baselines use, so a reader never sees half a file,
 * without the front end reaching into {@code source}.
 */
public final class AtomicOutput {

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer writer) throws IOException;
  }

  private AtomicOutput() {}

  /** {@code content}, as UTF-8, into {@code target}, new or not, all at once. */
  public static void write(Path target, Content content) throws IOException {
    AtomicWriter.write(target, content::writeTo);
  }
}
