package dev.rootlock.cli;

import dev.rootlock.engine.Baselines;
import dev.rootlock.engine.InvalidInputException;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code scan --write-baseline} and {@code --baseline}: reading and writing the baseline file. */
final class BaselineOptions {

  private BaselineOptions() {}

  /** Writes today's counting findings to {@code file}, atomically; exit 0, or 2 on bad input. */
  static int write(Path file, ScanResult result, PrintWriter err) {
    int written;
    try {
      written = Baselines.write(file, result);
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage(), e);
    }
    err.println("wrote " + written + (written == 1 ? " finding" : " findings") + " to " + file);
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
    try {
      return Baselines.apply(file, result);
    } catch (IOException e) {
      throw new UserException(flag + ": cannot read " + file + ": " + e.getMessage(), e);
    } catch (InvalidInputException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
