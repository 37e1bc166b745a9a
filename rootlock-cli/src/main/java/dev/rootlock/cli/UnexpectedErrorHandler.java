package dev.rootlock.cli;

import dev.rootlock.docker.DockerEngineException;
import dev.rootlock.docker.discover.DiscoveryException;
import dev.rootlock.model.ScanResult;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Anything a command throws ends here: one line naming what failed, exit 2. The stack trace is
 * shown only with {@code --debug}, because users act on the message, not on the trace.
 */
final class UnexpectedErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (isForTheUser(ex)) {
      err.println("error: " + ex.getMessage());
    } else {
      err.println("error: " + describe(ex));
    }
    if (debugRequested(parsed)) {
      ex.printStackTrace(err);
    } else if (!isForTheUser(ex)) {
      err.println("(run again with --debug for the stack trace)");
    }
    err.flush();
    return ScanResult.ERROR;
  }

  /**
   * Failures whose message is already one clear line for the user: our own, and the client modules'
   * (an unreachable cluster or engine, a forbidden namespace, permission denied on the Docker
   * socket, an image that is not local, a container that does not exist, a timeout, an image that
   * fails even with a writable root).
   */
  private static boolean isForTheUser(Exception ex) {
    return ex instanceof UserException
        || ex instanceof dev.rootlock.kube.client.KubeException
        || ex instanceof DockerEngineException
        || ex instanceof DiscoveryException;
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
