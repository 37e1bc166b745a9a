package dev.rootlock.cli;

import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code -f text|wide|json} and {@code -o <file>} of docker discover and docker verify, whose text
 * holds tables: narrow enough for a terminal by default, every column with {@code -f wide}, as
 * docker audit's.
 */
final class TableOrJsonOutput extends OutputFile {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      defaultValue = "text",
      description =
          "text (tables that fit a terminal), wide (every column, every line whole) or json."
              + " Default: ${DEFAULT-VALUE}.")
  TableFormat format;

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
