package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Level;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A real {@link CheckRegistry} holding one check, plus, for every baseline ID it overrides, a
 * stand-in baseline check that always fails with the reason {@code baseline <id>}. Evaluating it at
 * a version shows which implementation is in force there and whether its overrides apply, without
 * depending on the real baseline checks.
 */
final class OneCheckRegistry {

  private OneCheckRegistry() {}

  /** The detailed form of {@code check}'s decision at {@code levelVersion}; empty when allowed. */
  static String detail(Check<Pod> check, String levelVersion, Pod pod) {
    return registry(check).evaluate(LevelVersion.parse(levelVersion), pod).detail();
  }

  private static CheckRegistry<Pod> registry(Check<Pod> check) {
    Set<String> overridden = new LinkedHashSet<>();
    for (VersionedCheck<Pod> version : check.definition().versions()) {
      overridden.addAll(version.overrides());
    }
    List<Check<Pod>> checks = new ArrayList<>();
    checks.add(check);
    for (String id : overridden) {
      CheckDefinition<Pod> standIn =
          CheckDefinition.of(
              id,
              Level.BASELINE,
              "Stand-in for the baseline check " + id + ".",
              VersionedCheck.since(
                  0, pod -> CheckResult.forbidden("baseline " + id, "", List.of(), List.of())));
      checks.add(() -> standIn);
    }
    return CheckRegistry.of(checks);
  }
}
