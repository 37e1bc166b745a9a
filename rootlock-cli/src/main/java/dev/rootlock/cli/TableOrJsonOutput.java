package dev.rootlock.cli;

import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -f text|wide|json} and {@code -o <file>} of docker discover and docker verify, whose text
 * holds tables: narrow enough for a terminal by default, every column with {@code -f wide}, as
 * docker audit's.
 */
final class TableOrJsonOutput extends OutputFile {

  TableFormat format;

  /** Adds {@code -o} and {@code -f} to {@code command}. */
  static TableOrJsonOutput mixInto(CommandSpec command) {
    TableOrJsonOutput output = new TableOrJsonOutput();
    output.addTo(command);
    return output;
  }

  @Override
  OptionSpec formatOption() {
    return Flags.format(
            TableFormat.class,
            chosen -> format = chosen,
            "text (tables that fit a terminal), wide (every column, every line whole) or json."
                + " Default: ${DEFAULT-VALUE}.")
        .build();
  }

  @Override
  List<String> formatNames() {
    return Stream.of(TableFormat.values()).map(TableFormat::name).toList();
  }

  @Override
  String formatName() {
    return format.name();
  }

  @Override
  void selectFormat(String name) {
    format = TableFormat.valueOf(name);
  }

  /** The chosen format, {@code -o <format>} included. */
  TableFormat format() {
    file();
    return format;
  }
}
