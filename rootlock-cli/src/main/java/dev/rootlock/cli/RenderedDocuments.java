package dev.rootlock.cli;

import dev.rootlock.engine.TextInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code helm template} output into its documents, each named by the template that made it
 * (Helm's {@code # Source: web/templates/deployment.yaml} line) so that a finding names the
 * template; lines count from the {@code # Source:} line, in the rendered document.
 */
final class RenderedDocuments {

  private static final String SOURCE = "# Source: ";

  private RenderedDocuments() {}

  static List<TextInput> split(String rendered, String chartName) {
    List<TextInput> documents = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String name = null;
    for (String line : rendered.split("\n", -1)) {
      if (line.equals("---") || line.startsWith("--- ")) {
        add(documents, name, current, chartName);
        current.setLength(0);
        name = null;
        continue;
      }
      if (name == null && line.startsWith(SOURCE)) {
        name = line.substring(SOURCE.length()).trim();
      }
      current.append(line).append('\n');
    }
    add(documents, name, current, chartName);
    return documents;
  }

  private static void add(
      List<TextInput> documents, String name, StringBuilder text, String chartName) {
    if (text.toString().isBlank()) {
      return;
    }
    documents.add(new TextInput(name == null ? chartName + " (rendered)" : name, text.toString()));
  }
}
