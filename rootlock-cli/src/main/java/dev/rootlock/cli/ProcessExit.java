package dev.rootlock.cli;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Ends the process with a code, as {@link System#exit} does, without the one step of it that a
 * short run pays most for.
 *
 * <p>Since JDK 21, {@code Runtime.exit} first asks {@code System.getLogger("java.lang.Runtime")}
 * whether to log the exit. Answering needs the logging backend, and finding it is a service lookup
 * for {@code System.LoggerFinder} over the whole class path: rootlock's 70 jars, each opened and
 * its central directory read, about 70 ms of CPU, a sixth of a one-file scan (docs/PERFORMANCE.md,
 * "Cold start"). That lookup is all {@code exit} adds to {@link Runtime#halt} when no shutdown hook
 * and no delete-on-exit file is registered: then {@code exit} runs no hook, and both end in the
 * JVM's same exit sequence. So this halts in exactly that case, and calls {@code System.exit} in
 * every other: a hook registered (by rootlock or a library), {@code java.util.logging} configured
 * (the exit might be logged), or {@code java.lang} not open to rootlock (the manifest's {@code
 * Add-Opens}, which {@code java -jar} honours) to look.
 */
final class ProcessExit {

  /** {@code java.lang.Shutdown}'s slot for {@code ApplicationShutdownHooks}. */
  private static final int APPLICATION_HOOKS_SLOT = 1;

  private ProcessExit() {}

  /** Flushes standard output and error and ends the process with {@code code}. */
  static void exit(int code) {
    System.out.flush();
    System.err.flush();
    if (nothingRunsAtExit()) {
      Runtime.getRuntime().halt(code);
    }
    System.exit(code);
  }

  /**
   * Whether {@code System.exit} would run nothing before halting: no system shutdown hook (console
   * restore, delete-on-exit files) and no application hook. False when it cannot tell.
   */
  static boolean nothingRunsAtExit() {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return false;
    }
    try {
      Object[] slots = (Object[]) staticField("java.lang.Shutdown", "hooks");
      for (int slot = 0; slot < slots.length; slot++) {
        if (slots[slot] != null
            && !(slot == APPLICATION_HOOKS_SLOT && applicationHooks().isEmpty())) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not open to us (run without the manifest, e.g. `java -cp`), or another JDK's internals.
      return false;
    }
  }

  private static Map<?, ?> applicationHooks() throws ReflectiveOperationException {
    Map<?, ?> hooks = (Map<?, ?>) staticField("java.lang.ApplicationShutdownHooks", "hooks");
    if (hooks == null) {
      throw new IllegalStateException("shutting down");
    }
    return hooks;
  }

  private static Object staticField(String className, String fieldName)
      throws ReflectiveOperationException {
    Field field = Class.forName(className).getDeclaredField(fieldName);
    field.setAccessible(true);
    return field.get(null);
  }
}
