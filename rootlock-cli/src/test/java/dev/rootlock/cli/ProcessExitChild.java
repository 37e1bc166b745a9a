package dev.rootlock.cli;

import java.io.File;

/**
 * A process for {@link ProcessExitTest}: registers what its first argument names, prints whether
 * {@link ProcessExit} will halt, and ends with code 3 through it.
 */
final class ProcessExitChild {

  private ProcessExitChild() {}

  public static void main(String[] args) {
    switch (args[0]) {
      case "hook" ->
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        System.out.print(" hook ran");
                        System.out.flush();
                      }));
      case "delete-on-exit" -> new File(args[1]).deleteOnExit();
      default -> {}
    }
    // No newline: ProcessExit must flush what is still buffered.
    System.out.print(ProcessExit.nothingRunsAtExit() ? "halts" : "exits");
    ProcessExit.exit(3);
  }
}
