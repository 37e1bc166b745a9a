package dev.rootlock.engine;

import dev.rootlock.baseline.Baseline;
import dev.rootlock.baseline.BaselineFile;
import dev.rootlock.model.ScanResult;
import dev.rootlock.source.AtomicWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code scan --write-baseline} and {@code --baseline}: a baseline file written and read where it
 * lies, its findings keyed by files relative to its own directory. The JSON format and the
 * fingerprints stay behind the engine.
 */
public final class Baselines {

  private Baselines() {}

  /**
   * Writes today's counting findings of {@code result} to {@code file}, atomically.
   *
   * @return how many findings were written
   */
  public static int write(Path file, ScanResult result) throws IOException {
    Baseline baseline = Baseline.of(result, Baseline.relativeTo(directoryOf(file)));
    String text = BaselineFile.render(baseline);
    AtomicWriter.write(file, writer -> writer.write(text));
    return baseline.entries().size();
  }

  /**
   * {@code result} with the findings {@code file} records marked exempt and its entries that no
   * finding matched reported as stale.
   *
   * @throws IOException when {@code file} cannot be read as UTF-8 text
   * @throws InvalidInputException when it is not a baseline this rootlock reads
   */
  public static ScanResult apply(Path file, ScanResult result)
      throws IOException, InvalidInputException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e); // the message the CLI has always printed
    }
    Baseline baseline;
    try {
      baseline = BaselineFile.parse(file.toString(), text);
    } catch (BaselineFile.Invalid e) {
      throw new InvalidInputException(e);
    }
    return baseline.apply(result, Baseline.relativeTo(directoryOf(file)), "baseline " + file);
  }

  private static Path directoryOf(Path file) {
    return file.toAbsolutePath().getParent();
  }
}
