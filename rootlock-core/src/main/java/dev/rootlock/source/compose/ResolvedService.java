package dev.rootlock.source.compose;

import dev.rootlock.source.tree.MappingNode;
import java.util.List;

/**
 * One service as Compose runs it: merge keys and {@code extends} applied, every value interpolated,
 * for readers of fields the model does not hold (command, environment, ...).
 *
 * @param name the service's key
 * @param node the resolved service mapping
 * @param unresolved each variable the service reads whose value only the run knows (a required
 *     variable) or that is unset without a default, worded as {@link Interpolation} words it
 */
public record ResolvedService(String name, MappingNode node, List<String> unresolved) {

  public ResolvedService {
    unresolved = List.copyOf(unresolved);
  }
}
