package dev.rootlock.cli;

import dev.rootlock.model.ScanResult;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad flag or argument: say what is wrong, suggest near misses, point at {@code --help}, exit 2.
 * No stack trace, no wall of usage text.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    // Some picocli messages (mutually exclusive options) already begin with "Error: ".
    err.println("error: " + ex.getMessage().replaceFirst("^Error: ", ""));
    UnmatchedArgumentException.printSuggestions(ex, err);
    boolean unknownOption = ex instanceof UnmatchedArgumentException;
    if (unknownOption && command.getCommand() instanceof UsageHint hint) {
      err.println(hint.usageHint());
    }
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ScanResult.ERROR;
  }
}
