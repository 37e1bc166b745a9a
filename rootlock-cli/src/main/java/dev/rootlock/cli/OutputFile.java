package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.ScanResult;
import dev.rootlock.report.ReportContext;
import dev.rootlock.report.ReportFormat;
import dev.rootlock.report.Reporter;
import dev.rootlock.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -o/--output} and {@code --color}, the same in every verb that reports; each subclass adds
 * its {@code -f/--format} with the formats it offers. kubectl users type {@code -o json} and {@code
 * -o wide}: a bare format name given to {@code -o} is taken as the format, with one line on
 * standard error, so that it never silently becomes a file named {@code json}.
 */
abstract class OutputFile {

  /** When to colour text output. */
  enum ColourMode {
    auto,
    always,
    never
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description =
          "Write the report to <file> (replaced atomically) instead of standard output. A"
              + " bare format name, as kubectl's -o json, is taken as --format; -o ./json"
              + " writes a file named json.")
  String outputArgument;

  @Option(
      names = "--color",
      paramLabel = "<when>",
      defaultValue = "auto",
      description = "Colour text output: auto (on a terminal, unless NO_COLOR), always, never.")
  ColourMode colour;

  /** The values kubectl's -o takes: typed from habit, they are formats, never file names. */
  private static final java.util.regex.Pattern KUBECTL_FORMATS =
      java.util.regex.Pattern.compile(
          "(?:json|yaml|wide|name|sarif|junit|text)"
              + "|(?:go-template|go-template-file|jsonpath|jsonpath-file|jsonpath-as-json"
              + "|custom-columns|custom-columns-file|template|templatefile)(?:=.*)?",
          java.util.regex.Pattern.DOTALL);

  private boolean resolved;
  private Path file;

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
              + ": not a format here; --format takes "
              + String.join(", ", formatNames())
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

  /** Renders {@code result} in {@code reportFormat} to the chosen destination. */
  final void write(ScanResult result, Engine engine, ReportFormat reportFormat) {
    Path output = file();
    boolean useColour =
        output == null
            && (colour == ColourMode.always
                || (colour == ColourMode.auto && Terminal.wantsColour()));
    ReportContext context = engine.reportContext(new VersionProvider().version(), useColour);
    try {
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        // On a terminal or in a pipe, text's error lines belong on standard error.
        Reporter reporter =
            reportFormat == ReportFormat.TEXT
                ? new TextReporter(context, spec.commandLine().getErr())
                : reportFormat.reporter(context);
        reporter.write(result, out);
        out.flush();
      } else {
        AtomicFiles.write(output, writer -> reportFormat.reporter(context).write(result, writer));
      }
    } catch (IOException e) {
      throw new UserException(
          "cannot write " + (output == null ? "the report" : output) + ": " + e.getMessage(), e);
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
