package dev.rootlock.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@link SharedData} is there. Otherwise the class is skipped with one
 * loud line, except under CI=true, where the missing data fails it: CI must never pass by skipping.
 */
public final class SharedDataPresent implements ExecutionCondition {

  private static volatile boolean announced;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = SharedData.missing();
    if (why == null) {
      return ConditionEvaluationResult.enabled("the shared test data is there");
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + why);
    }
    if (!announced) {
      announced = true;
      System.err.println(
          "!!!!! SKIPPING the tests that read ../shared: "
              + why
              + " (clone the repository beside its shared/ directory; see README) !!!!!");
    }
    return ConditionEvaluationResult.disabled(why);
  }
}
