package dev.rootlock.docker;

import dev.rootlock.docker.client.DockerJavaEngine;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when a real Docker engine answers and rootlock's test images are built
 * (scripts/docker-engine up && scripts/test-images). Otherwise the tests are skipped with one loud
 * line, except under CI=true, where a missing engine fails them: CI must never pass by skipping.
 */
public final class RealEngine implements ExecutionCondition {

  public static final List<String> IMAGES =
      List.of(
          "rootlock-test/busybox:latest",
          "rootlock-test/busybox-app:latest",
          "rootlock-test/nginx:latest",
          "rootlock-test/busybox-chown:latest");

  private static volatile String problem;
  private static volatile boolean checked;
  private static volatile boolean announced;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = problem();
    if (why == null) {
      return ConditionEvaluationResult.enabled("a Docker engine answers");
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + why);
    }
    if (!announced) {
      announced = true;
      System.err.println(
          "!!!!! SKIPPING the real-Docker tests of rootlock-docker: "
              + why
              + " (run scripts/docker-engine up && scripts/test-images) !!!!!");
    }
    return ConditionEvaluationResult.disabled(why);
  }

  private static synchronized String problem() {
    if (!checked) {
      checked = true;
      try (DockerEngine engine = DockerJavaEngine.fromEnvironment()) {
        engine.info();
        for (String image : IMAGES) {
          if (engine.inspectImage(image).isEmpty()) {
            problem = "test image " + image + " is missing";
            break;
          }
        }
      } catch (DockerEngineException e) {
        problem = "no Docker engine: " + e.getMessage();
      }
    }
    return problem;
  }
}
