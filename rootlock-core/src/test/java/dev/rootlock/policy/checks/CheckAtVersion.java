package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Decision;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.policy.PolicyVersion;
import java.util.List;

/**
 * Runs one check through a registry, so tests exercise its version windows as the engine picks them
 * rather than calling a {@code v1_N} method by hand.
 */
final class CheckAtVersion {

  private CheckAtVersion() {}

  /** The check's result at {@code v1.<minor>} of its own level; ALLOWED when it does not run. */
  static CheckResult evaluate(Check<Pod> check, int minor, Pod pod) {
    CheckRegistry<Pod> registry = CheckRegistry.of(List.of(check));
    LevelVersion levelVersion =
        LevelVersion.of(check.definition().level(), PolicyVersion.v1(minor));
    Decision decision = registry.evaluate(levelVersion, pod);
    return decision.allowed() ? CheckResult.ALLOWED : decision.failures().getFirst().result();
  }
}
