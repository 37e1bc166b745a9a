package dev.rootlock.cli;

import dev.rootlock.engine.Engine;
import dev.rootlock.model.ScanResult;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --format} (a narrow table by default), {@code --output} and {@code --color} of audits. */
final class AuditOutputOptions extends ReportOutput {

  AuditFormat format;

  /** Adds {@code -o}, {@code --color} and {@code -f} to {@code command}. */
  static AuditOutputOptions mixInto(CommandSpec command) {
    AuditOutputOptions output = new AuditOutputOptions();
    output.addTo(command);
    return output;
  }

  @Override
  OptionSpec formatOption() {
    return Flags.format(
            AuditFormat.class,
            chosen -> format = chosen,
            "text (a table that fits a terminal), wide (every column), json, sarif or junit."
                + " Default: ${DEFAULT-VALUE}.")
        .build();
  }

  @Override
  List<String> formatNames() {
    return Stream.of(AuditFormat.values()).map(AuditFormat::name).toList();
  }

  @Override
  String formatName() {
    return format.name();
  }

  @Override
  void selectFormat(String name) {
    format = AuditFormat.valueOf(name);
  }

  /** The chosen format, {@code -o <format>} included. */
  AuditFormat format() {
    file();
    return format;
  }

  void write(ScanResult result, Engine engine) {
    write(result, engine, format().report());
  }
}
