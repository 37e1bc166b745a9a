package dev.rootlock.policy;

import dev.rootlock.model.Level;
import java.util.List;

/**
 * A check's identity and its versions.
 *
 * @param id stable identifier, e.g. {@code allowPrivilegeEscalation}; also the SARIF rule id
 * @param level the level that introduces the check
 * @param summary one sentence for {@code --help}-style listings and SARIF rule help
 * @param versions implementations in strictly increasing minimum-version order
 */
public record CheckDefinition<T>(
    String id, Level level, String summary, List<VersionedCheck<T>> versions) {

  public CheckDefinition {
    versions = List.copyOf(versions);
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // List.of copies the array; nothing is stored into it
  public static <T> CheckDefinition<T> of(
      String id, Level level, String summary, VersionedCheck<T>... versions) {
    return new CheckDefinition<>(id, level, summary, List.of(versions));
  }
}
