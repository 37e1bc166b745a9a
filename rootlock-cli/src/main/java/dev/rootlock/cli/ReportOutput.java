package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.ScanResult;
import dev.rootlock.report.ReportContext;
import dev.rootlock.report.ReportFormat;
import dev.rootlock.report.Reporter;
import dev.rootlock.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@link OutputFile} of the verbs that write a scan report, with {@code --color} for its text: the
 * reporters colour, the verbs with a report of their own do not.
 */
abstract class ReportOutput extends OutputFile {

  /** When to colour text output. */
  enum ColourMode {
    auto,
    always,
    never
  }

  ColourMode colour;

  /** {@code -o/--output}, then {@code --color}. */
  @Override
  CommandSpec options(CommandSpec mixin) {
    return super.options(mixin)
        .addOption(
            Flags.value(ColourMode.class, mode -> colour = mode, "--color")
                .paramLabel("<when>")
                .defaultValue("auto")
                .description(
                    "Colour text output: auto (on a terminal, unless NO_COLOR), always, never.")
                .build());
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
          output == null
              ? "cannot write the report: " + e.getMessage()
              : "cannot write " + output + ": " + AtomicFiles.reason(output, e),
          e);
    }
  }
}
