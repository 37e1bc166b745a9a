package dev.rootlock.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@code fix --write} end cleanly on SIGINT or SIGTERM. The JVM runs shutdown hooks on those
 * signals while the main thread keeps going; this hook marks the stop as requested and waits for
 * the main thread to finish the file in hand (its temporary file removed), print what it did and
 * {@link #close}. The JVM then exits with the signal's usual status, 130 or 143.
 */
final class SignalStop implements AutoCloseable {

  /** How long a signal waits for the file in hand; a stuck write must not keep the process. */
  private static final long GRACE_SECONDS = 30;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private SignalStop() {
    this.hook =
        new Thread(
            () -> {
              requested = true;
              try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "rootlock-fix-signal");
  }

  static SignalStop install() {
    SignalStop stop = new SignalStop();
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  /** Whether a signal asked the run to stop. */
  boolean requested() {
    return requested;
  }

  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running and now returns.
    }
  }
}
