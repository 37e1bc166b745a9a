package dev.rootlock.cli;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.rootlock.engine.TextInput;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a Helm chart with Helm's own engine (helm-java bundles it). The only class that sees
 * helm-java, and loaded only when a chart is scanned, so a plain scan never pays for Helm's native
 * library.
 */
final class ChartRenderer {

  private ChartRenderer() {}

  /**
   * {@code helm template <release> <chart> --values ... --set ...}, split into one text per
   * rendered document, each named by its {@code # Source:} line.
   *
   * @throws IllegalStateException with Helm's message when the chart does not render
   */
  static List<TextInput> render(
      Path chart, String releaseName, List<Path> valuesFiles, List<String> sets) {
    TemplateCommand template = new Helm(chart).template().withName(releaseName);
    for (Path values : valuesFiles) {
      template = template.withValuesFile(values);
    }
    for (String set : sets) {
      int equals = set.indexOf('=');
      template = template.set(set.substring(0, equals), set.substring(equals + 1));
    }
    String rendered;
    try {
      rendered = template.call();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
    return RenderedDocuments.split(rendered, chart.toString());
  }
}
