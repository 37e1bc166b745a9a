package dev.rootlock.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -f text|json} and {@code -o <file>} of the verbs whose report is their own (docker
 * discover, docker verify, kube readiness), meaning what they mean in the scanning verbs.
 */
final class TextOrJsonOutput extends OutputFile {

  TextOrJson format;

  /** Adds {@code -o} and {@code -f} to {@code command}. */
  static TextOrJsonOutput mixInto(CommandSpec command) {
    TextOrJsonOutput output = new TextOrJsonOutput();
    output.addTo(command);
    return output;
  }

  @Override
  OptionSpec formatOption() {
    return Flags.format(
            TextOrJson.class,
            chosen -> format = chosen,
            "Output format: text or json. Default: ${DEFAULT-VALUE}.")
        .build();
  }

  @Override
  List<String> formatNames() {
    return List.of("text", "json");
  }

  @Override
  String formatName() {
    return format.name();
  }

  @Override
  void selectFormat(String name) {
    format = TextOrJson.valueOf(name);
  }

  /** The chosen format, {@code -o <format>} included. */
  boolean json() {
    file();
    return format == TextOrJson.json;
  }
}
