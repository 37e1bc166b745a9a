package dev.rootlock.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal that may get colour. */
final class Terminal {

  private Terminal() {}

  /** True on an interactive terminal, unless NO_COLOR is set (https://no-color.org). */
  static boolean wantsColour() {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    return isInteractive();
  }

  /** True when standard input and output are both a terminal. */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21; isTerminal() decides on 22+
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // JDK 22+ returns a Console even when output is redirected; it answers isTerminal() instead.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException notJdk22) {
      return true;
    }
  }
}
