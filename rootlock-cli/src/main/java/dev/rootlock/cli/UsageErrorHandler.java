package dev.rootlock.cli;

import dev.rootlock.model.ScanResult;
import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    err.println("error: " + message(ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    boolean unknownOption = ex instanceof UnmatchedArgumentException;
    if (unknownOption && command.getCommand() instanceof UsageHint hint) {
      err.println(hint.usageHint());
    }
    err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ScanResult.ERROR;
  }

  /** picocli's enum converter names the option and the values; said in rootlock's words. */
  private static final Pattern ENUM_VALUE =
      Pattern.compile(
          "Invalid value for (?:option|positional parameter) '([^']+)'(?: \\([^)]*\\))?:"
              + " expected one of \\[(.*)\\] \\(case-(?:in)?sensitive\\) but was '(.*)'",
          Pattern.DOTALL);

  /** {@code --format: invalid value "x": must be one of text, json}, as every flag says it. */
  static String message(String picocli) {
    String message = picocli.replaceFirst("^Error: ", "");
    Matcher enumValue = ENUM_VALUE.matcher(message);
    if (enumValue.matches()) {
      return enumValue.group(1)
          + ": invalid value \""
          + enumValue.group(3)
          + "\": must be one of "
          // core enums list their constant names; flags are typed in lower case
          + enumValue.group(2).toLowerCase(java.util.Locale.ROOT);
    }
    return message;
  }
}
