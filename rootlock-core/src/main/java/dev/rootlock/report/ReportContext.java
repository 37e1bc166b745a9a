package dev.rootlock.report;

import dev.rootlock.policy.CheckDefinition;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the reporters need beyond the scan itself, decided by the caller (the CLI knows the version,
 * the rules it ran, and whether its standard output is a colour terminal).
 *
 * @param toolVersion rootlock's version, e.g. {@code 0.1.0}
 * @param informationUri where rootlock is documented, an absolute URI; null when there is none
 *     (SARIF then leaves {@code informationUri} out)
 * @param rules every check the scan could report, for SARIF's rule list; when two have the same ID
 *     (a Kubernetes and a Compose registry, say) the first is kept
 * @param colour whether the text format may use ANSI colour (a TTY without {@code NO_COLOR})
 */
public record ReportContext(
    String toolVersion, String informationUri, List<CheckDefinition<?>> rules, boolean colour) {

  public ReportContext {
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (informationUri != null && !URI.create(informationUri).isAbsolute()) {
      throw new IllegalArgumentException("informationUri must be absolute: " + informationUri);
    }
    Map<String, CheckDefinition<?>> byId = new LinkedHashMap<>();
    for (CheckDefinition<?> rule : rules) {
      byId.putIfAbsent(rule.id(), rule);
    }
    rules = List.copyOf(byId.values());
  }

  /**
   * A context for {@code rules} from any number of registries, e.g. {@code registry.definitions()}.
   */
  public static ReportContext of(
      String toolVersion,
      String informationUri,
      List<? extends CheckDefinition<?>> rules,
      boolean colour) {
    return new ReportContext(toolVersion, informationUri, List.copyOf(rules), colour);
  }
}
