package dev.rootlock.cli;

import dev.rootlock.model.ScanResult;
import dev.rootlock.report.ReportContext;
import dev.rootlock.report.ReportFormat;
import dev.rootlock.report.Reporter;
import dev.rootlock.report.TextReporter;
import dev.rootlock.policy.CheckDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format}, {@code --output} and {@code --color}: how a result is written, and where. */
final class OutputOptions {

  /** When to colour text output. */
  enum ColourMode {
    auto,
    always,
    never
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      defaultValue = "text",
      description = "Report format: text, json, sarif or junit. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description = "Write the report to <file> (replaced atomically) instead of standard output.")
  Path output;

  @Option(
      names = "--color",
      paramLabel = "<when>",
      defaultValue = "auto",
      description = "Colour text output: auto (on a terminal, unless NO_COLOR), always, never.")
  ColourMode colour;

  /** Renders {@code result} in the chosen format to the chosen destination. */
  void write(ScanResult result, List<? extends CheckDefinition<?>> rules) {
    ReportFormat reportFormat = reportFormat();
    boolean useColour =
        output == null
            && (colour == ColourMode.always || (colour == ColourMode.auto && Terminal.wantsColour()));
    ReportContext context =
        ReportContext.of(
            new VersionProvider().version(), null, rules, useColour);
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
      throw new UserException("cannot write " + (output == null ? "the report" : output) + ": " + e.getMessage(), e);
    }
  }

  /** Writes text that is already rendered (a table, say) to the chosen destination. */
  void writeText(String text) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.writeText(output, text);
    }
  }

  ReportFormat reportFormat() {
    try {
      return ReportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }
}
