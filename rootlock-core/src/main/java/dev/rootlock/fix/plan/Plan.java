package dev.rootlock.fix.plan;

import java.util.List;
import java.util.Set;

/**
 * What hardening one object (a workload or a Compose service) takes.
 *
 * @param changes the changes, by path from the object's root (for a Compose service, from the
 *     file's root), in the order they were decided
 * @param targetChecks the checks these changes make pass (checks with a value rootlock kept on
 *     purpose are left out)
 * @param notes what the user should know: values kept or changed on purpose, paths that need a
 *     persistent volume, advice about the image
 */
public record Plan(List<Change> changes, Set<String> targetChecks, List<String> notes) {

  public Plan {
    changes = List.copyOf(changes);
    targetChecks = Set.copyOf(targetChecks);
    notes = List.copyOf(notes);
  }

  /** Whether nothing needs to change. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
