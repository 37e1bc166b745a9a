package dev.rootlock.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One updating status line on standard error while long work runs, drawn only when standard error
 * is a terminal: a pipe, a file or a CI log gets nothing, so their content stays exactly the
 * report. The line is redrawn at most every 100 ms (a tree of 10,000 files must not spend its time
 * on the terminal) and erased before anything else is printed and at the end.
 */
final class Progress implements AutoCloseable {

  private static final long INTERVAL_NANOS = 100_000_000L;
  private static final int WIDTH = 79;

  private final PrintWriter err;
  private final boolean enabled;
  private long lastDrawn = Long.MIN_VALUE;
  private boolean drawn;
  private volatile String label = "";

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** Progress on {@code err} if the process's standard error is a terminal, else silence. */
  static Progress onStandardError(PrintWriter err) {
    return new Progress(err, stderrIsTerminal());
  }

  /**
   * Whether file descriptor 2 is a terminal. The JDK answers that for standard input and output
   * only; on Linux, /proc says where fd 2 leads. Anywhere else: no progress, never garbage.
   */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    if (term == null || term.equals("dumb")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception notLinux) {
      return false;
    }
  }

  /**
   * Runs {@code work} with a sign of life for work that reports nothing while it runs (a scan of a
   * large tree, a cluster's pages, discovery's trials): {@code label} and the seconds so far,
   * redrawn each second by a daemon thread, erased when the work ends.
   */
  <T, E extends Exception> T whileRunning(String label, Work<T, E> work) throws E {
    if (!enabled) {
      return work.get();
    }
    this.label = label;
    long start = System.nanoTime();
    Thread ticker =
        Thread.ofPlatform()
            .daemon()
            .name("rootlock-progress")
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      Thread.sleep(1000);
                      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                      update(this.label + " (" + seconds + " s)");
                    }
                  } catch (InterruptedException done) {
                    // the work ended
                  }
                });
    try {
      return work.get();
    } finally {
      ticker.interrupt();
      try {
        ticker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      clear();
    }
  }

  /**
   * Work that returns a value and may throw a checked exception, which reaches the caller as is.
   */
  @FunctionalInterface
  interface Work<T, E extends Exception> {
    T get() throws E;
  }

  /**
   * A new stage of the work (a page listed, a trial started): shown at once, since stages are
   * seconds or hundreds of objects apart, and repeated by {@link #whileRunning}'s ticker with the
   * seconds so far.
   */
  synchronized void step(String status) {
    label = status;
    if (enabled) {
      draw(status);
    }
  }

  /** Shows {@code status}, cut to one line, unless the last one was drawn a moment ago. */
  synchronized void update(String status) {
    if (!enabled) {
      return;
    }
    if (drawn && System.nanoTime() - lastDrawn < INTERVAL_NANOS) {
      return;
    }
    draw(status);
  }

  private void draw(String status) {
    lastDrawn = System.nanoTime();
    String line = status.length() > WIDTH ? status.substring(0, WIDTH - 1) + "…" : status;
    err.print("\r" + line + "\033[K");
    err.flush();
    drawn = true;
  }

  /** Erases the line, so that what is printed next starts at column 0 of a clean line. */
  synchronized void clear() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  @Override
  public void close() {
    clear();
  }
}
