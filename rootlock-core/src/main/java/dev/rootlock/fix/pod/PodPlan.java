package dev.rootlock.fix.pod;

import dev.rootlock.fix.Change;
import java.util.List;
import java.util.Set;

/**
 * What hardening one workload takes.
 *
 * @param changes the changes, by path from the object's root, in the order they were decided
 * @param targetChecks the checks these changes make pass (checks with a value rootlock kept on
 *     purpose are left out)
 * @param notes what the user should know: values kept or changed on purpose, paths that need a
 *     persistent volume, advice about the image
 */
public record PodPlan(List<Change> changes, Set<String> targetChecks, List<String> notes) {

  public PodPlan {
    changes = List.copyOf(changes);
    targetChecks = Set.copyOf(targetChecks);
    notes = List.copyOf(notes);
  }

  /** Whether nothing needs to change. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
