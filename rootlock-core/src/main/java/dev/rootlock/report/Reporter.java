package dev.rootlock.report;

import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * Renders a whole {@link ScanResult} in one output format. Implementations hold no state between
 * calls, so one instance may be reused and shared between threads.
 */
public interface Reporter {

  /**
   * Writes {@code result} to {@code out}, ending with a newline, and flushes it; never closes it.
   * Lines end in {@code \n} on every platform. The JSON, SARIF and XML formats declare or assume
   * UTF-8, so {@code out} should encode UTF-8.
   */
  void write(ScanResult result, Writer out) throws IOException;
}
