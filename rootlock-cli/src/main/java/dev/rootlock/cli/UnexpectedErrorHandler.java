package dev.rootlock.cli;

import dev.rootlock.model.ScanResult;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Anything a command throws ends here: one line naming what failed, exit 2. The stack trace is shown
 * only with {@code --debug}, because users act on the message, not on the trace.
 */
final class UnexpectedErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (ex instanceof UserException user) {
      err.println("error: " + user.getMessage());
    } else {
      err.println("error: " + describe(ex));
    }
    if (debugRequested(parsed)) {
      ex.printStackTrace(err);
    } else if (!(ex instanceof UserException)) {
      err.println("(run again with --debug for the stack trace)");
    }
    err.flush();
    return ScanResult.ERROR;
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
