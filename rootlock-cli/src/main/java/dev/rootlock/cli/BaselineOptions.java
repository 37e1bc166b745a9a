package dev.rootlock.cli;

import dev.rootlock.baseline.Baseline;
import dev.rootlock.baseline.BaselineFile;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code scan --write-baseline} and {@code --baseline}: reading and writing the baseline file. */
final class BaselineOptions {

  private BaselineOptions() {}

  /** Writes today's counting findings to {@code file}, atomically; exit 0, or 2 on bad input. */
  static int write(Path file, ScanResult result, PrintWriter err) {
    Path dir = file.toAbsolutePath().getParent();
    Baseline baseline = Baseline.of(result, Baseline.relativeTo(dir));
    AtomicFiles.writeText(file, BaselineFile.render(baseline));
    err.println(
        "wrote "
            + baseline.entries().size()
            + (baseline.entries().size() == 1 ? " finding" : " findings")
            + " to "
            + file);
    for (dev.rootlock.model.InputError error : result.errors()) {
      err.println(
          "error: "
              + error.file()
              + (error.position() == null ? "" : ":" + error.position())
              + ": "
              + error.message());
    }
    err.flush();
    return result.errors().isEmpty() ? ScanResult.PASSED : ScanResult.ERROR;
  }

  /**
   * {@code result} with the baseline's findings exempt and its unmatched entries stale.
   *
   * @param flag how the user named the baseline, for error messages
   */
  static ScanResult apply(Path file, ScanResult result, String flag) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UserException(flag + ": cannot read " + file + ": " + e.getMessage(), e);
    }
    Baseline baseline;
    try {
      baseline = BaselineFile.parse(file.toString(), text);
    } catch (BaselineFile.Invalid e) {
      throw new UserException(e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return baseline.apply(result, Baseline.relativeTo(dir), "baseline " + file);
  }
}
