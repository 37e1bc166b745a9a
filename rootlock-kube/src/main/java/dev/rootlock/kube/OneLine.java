package dev.rootlock.kube;

import java.util.Locale;

/** The innermost cause of a failure as one line, for messages the user reads as they are. */
public final class OneLine {

  private OneLine() {}

  public static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
    return of(message);
  }

  /** {@code text} with each line break and the blanks around it turned into one space. */
  public static String of(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
