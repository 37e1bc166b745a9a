package dev.rootlock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.Decision;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one way check tests run and judge a single check.
 *
 * <p>A version's method ({@code RunAsUserCheck.v1_23(pod)}, {@code TmpfsCheck.v1_0(config)}) is
 * judged against a {@link CheckCase} with {@link #assertResult}. Version windows are exercised as
 * the engine picks them: the check goes into a real {@link CheckRegistry} together with, for every
 * baseline ID it overrides, a stand-in baseline check that always fails with the reason {@code
 * baseline <id>}, so a decision shows which implementation is in force and whether its overrides
 * apply, without depending on the real baseline checks.
 */
public final class SingleCheck {

  private SingleCheck() {}

  /** Asserts {@code actual} is what {@code expected} says, failing with {@code reason} if unset. */
  public static void assertResult(CheckResult actual, CheckCase<?> expected, String reason) {
    if (expected.passes()) {
      assertThat(actual).isEqualTo(CheckResult.ALLOWED);
      return;
    }
    assertThat(actual.allowed()).isFalse();
    assertThat(actual.reason()).isEqualTo(expected.reason() == null ? reason : expected.reason());
    assertThat(actual.detail()).isEqualTo(expected.detail());
    if (expected.containers() != null) {
      assertThat(actual.containers()).isEqualTo(expected.containers());
    }
    if (expected.fields() != null) {
      assertThat(actual.fields().stream().map(FieldPath::toString).toList())
          .isEqualTo(expected.fields());
    }
  }

  /**
   * Asserts the decision at the level and version {@code expected} is named after: allowed when it
   * passes, else exactly its detailed form.
   */
  public static <T> void assertDecision(Check<T> check, CheckCase<T> expected) {
    Decision decision = decide(check, LevelVersion.parse(expected.name()), expected.subject());
    assertThat(decision.detail()).isEqualTo(expected.detail());
    assertThat(decision.allowed()).isEqualTo(expected.passes());
  }

  /**
   * The check's own result at {@code v1.<minor>} of its own level; ALLOWED when it does not run.
   */
  public static <T> CheckResult atVersion(Check<T> check, int minor, T subject) {
    CheckDefinition<T> definition = check.definition();
    LevelVersion levelVersion = LevelVersion.of(definition.level(), PolicyVersion.v1(minor));
    return decide(check, levelVersion, subject).failures().stream()
        .filter(failure -> failure.id().equals(definition.id()))
        .map(CheckOutcome::result)
        .findFirst()
        .orElse(CheckResult.ALLOWED);
  }

  private static <T> Decision decide(Check<T> check, LevelVersion levelVersion, T subject) {
    return registry(check).evaluate(levelVersion, subject);
  }

  private static <T> CheckRegistry<T> registry(Check<T> check) {
    Set<String> overridden = new LinkedHashSet<>();
    for (VersionedCheck<T> version : check.definition().versions()) {
      overridden.addAll(version.overrides());
    }
    List<Check<T>> checks = new ArrayList<>();
    checks.add(check);
    for (String id : overridden) {
      CheckDefinition<T> standIn =
          CheckDefinition.of(
              id,
              Level.BASELINE,
              "Stand-in for the baseline check " + id + ".",
              VersionedCheck.since(
                  0, subject -> CheckResult.forbidden("baseline " + id, "", List.of(), List.of())));
      checks.add(() -> standIn);
    }
    return CheckRegistry.of(checks);
  }
}
