package dev.rootlock.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code -f text|json} and {@code -o <file>} of the verbs whose report is their own (docker
 * discover, docker verify, kube readiness), meaning what they mean in the scanning verbs.
 */
final class TextOrJsonOutput extends OutputFile {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "<format>",
      defaultValue = "text",
      description = "Output format: text or json. Default: ${DEFAULT-VALUE}.")
  TextOrJson format;

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
