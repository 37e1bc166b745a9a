package dev.rootlock.model.docker;

import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import java.util.List;

/**
 * One container configuration as read from a Compose file, a command line or an engine, with what
 * the reader noticed on the way: the Docker counterpart of {@link dev.rootlock.model.pod.Workload}.
 *
 * @param source where the service (or command) starts
 * @param problems values Docker or Compose would refuse; the config treats them as unset
 * @param warnings values that were read but deserve a word, e.g. Compose's YAML 1.1 booleans
 *     ({@code read_only: yes}), which Compose accepts with a warning
 * @param locator positions of fields, by Compose-shaped path relative to the service
 */
public record DockerObject(
    SourceRef source,
    ContainerConfig config,
    List<FieldProblem> problems,
    List<FieldProblem> warnings,
    Locator locator) {

  public DockerObject {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** {@code Service} for a Compose service, {@code Container} otherwise. */
  public String kind() {
    return config.dialect() == DockerDialect.COMPOSE ? "Service" : "Container";
  }
}
