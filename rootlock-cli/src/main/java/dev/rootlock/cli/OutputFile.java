package dev.rootlock.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code -o/--output}, the same in every verb that reports; each subclass adds its {@code
 * -f/--format} with the formats it offers ({@link ReportOutput} also {@code --color}). kubectl
 * users type {@code -o json} and {@code -o wide}: a bare format name given to {@code -o} is taken
 * as the format, with one line on standard error, so that it never silently becomes a file named
 * {@code json}.
 */
abstract class OutputFile {

  /** The command these options belong to. */
  CommandSpec spec;

  String outputArgument;

  /** The values kubectl's -o takes: typed from habit, they are formats, never file names. */
  private static final java.util.regex.Pattern KUBECTL_FORMATS =
      java.util.regex.Pattern.compile(
          "(?:json|yaml|wide|name|sarif|junit|text)"
              + "|(?:go-template|go-template-file|jsonpath|jsonpath-file|jsonpath-as-json"
              + "|custom-columns|custom-columns-file|template|templatefile)(?:=.*)?",
          java.util.regex.Pattern.DOTALL);

  private boolean resolved;
  private Path file;

  /**
   * Adds {@code -o/--output}, the subclass's options and its {@code -f/--format}, in that order, to
   * {@code command}.
   */
  final void addTo(CommandSpec command) {
    spec = command;
    command.addMixin("output", options(Commands.mixin(this)).addOption(formatOption()));
  }

  /** {@code -o/--output}; a subclass adds the options it has besides {@code -f}. */
  CommandSpec options(CommandSpec mixin) {
    return mixin.addOption(
        Flags.value(String.class, argument -> outputArgument = argument, "-o", "--output")
            .paramLabel("<file>")
            .description(
                "Write the report to <file> (replaced atomically) instead of standard output. A"
                    + " bare format name, as kubectl's -o json, is taken as --format; -o ./json"
                    + " writes a file named json.")
            .build());
  }

  /** {@code -f/--format} with the formats this verb offers ({@link Flags#format}). */
  abstract OptionSpec formatOption();

  /** The format names {@code -f} accepts, as typed. */
  abstract List<String> formatNames();

  /** The chosen format's name. */
  abstract String formatName();

  /** Sets the format from a bare name given to {@code -o}. */
  abstract void selectFormat(String name);

  /** The file {@code -o} names, or null for standard output; settles {@code -o <format>}. */
  final Path file() {
    resolve();
    return file;
  }

  private void resolve() {
    if (resolved) {
      return;
    }
    resolved = true;
    if (outputArgument == null) {
      return;
    }
    if (formatNames().contains(outputArgument)) {
      boolean formatGiven = spec.commandLine().getParseResult().hasMatchedOption("--format");
      if (formatGiven && !formatName().equals(outputArgument)) {
        throw new ParameterException(
            spec.commandLine(),
            "-o "
                + outputArgument
                + ": a format name, and --format says "
                + formatName()
                + "; write -o ./"
                + outputArgument
                + " for a file of that name");
      }
      selectFormat(outputArgument);
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "note: -o "
              + outputArgument
              + " is taken as -f "
              + outputArgument
              + " (the format flag); -o ./"
              + outputArgument
              + " writes a file");
      err.flush();
      return;
    }
    if (KUBECTL_FORMATS.matcher(outputArgument).matches()) {
      // kubectl's -o yaml (or wide where there is no table): never a file by that name.
      throw new ParameterException(
          spec.commandLine(),
          "-o "
              + outputArgument
              + ": not a format here; "
              + (formatNames().size() == 1
                  ? "this verb prints " + formatNames().get(0) + " only"
                  : "--format takes " + String.join(", ", formatNames()))
              + " (write -o ./"
              + outputArgument
              + " for a file of that name)");
    }
    try {
      file = Path.of(outputArgument);
    } catch (InvalidPathException e) {
      throw new ParameterException(
          spec.commandLine(), "--output: invalid file name \"" + outputArgument + "\"");
    }
  }

  /** Writes text that is already rendered (a table, say) to the chosen destination. */
  final void writeText(String text) {
    Path output = file();
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.writeText(output, text);
    }
  }
}
