package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.ScanResult;
import dev.rootlock.report.ReportFormat;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --format}, {@code --output} and {@code --color} of the verbs that write a scan report. */
final class OutputOptions extends ReportOutput {

  ReportFormat format;

  /** Adds {@code -o}, {@code --color} and {@code -f} to {@code command}. */
  static OutputOptions mixInto(CommandSpec command) {
    OutputOptions output = new OutputOptions();
    output.addTo(command);
    return output;
  }

  @Override
  OptionSpec formatOption() {
    return Flags.format(
            ReportFormat.class,
            chosen -> format = chosen,
            "Report format: text, json, sarif or junit. Default: ${DEFAULT-VALUE}.")
        .build();
  }

  @Override
  List<String> formatNames() {
    return List.of("text", "json", "sarif", "junit");
  }

  @Override
  String formatName() {
    return format.toString();
  }

  @Override
  void selectFormat(String name) {
    format = ReportFormat.parse(name);
  }

  /** Renders {@code result} in the chosen format to the chosen destination. */
  void write(ScanResult result, Engine engine) {
    write(result, engine, reportFormat());
  }

  /** The chosen format, {@code -o <format>} included. */
  ReportFormat reportFormat() {
    file();
    return format;
  }
}
