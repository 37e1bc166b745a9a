package dev.rootlock.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the kube-apiserver of {@code scripts/kube-apiserver up} answers: its
 * state directory is named by {@code ROOTLOCK_KUBE_APISERVER}, which scripts/test exports.
 * Otherwise the tests are skipped with one loud line, except under CI=true, where a missing server
 * fails them: CI must never pass by skipping.
 */
public final class RealApiServer implements ExecutionCondition {

  static final String ENV = "ROOTLOCK_KUBE_APISERVER";

  private static volatile String problem;
  private static volatile boolean checked;
  private static volatile boolean announced;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = problem();
    if (why == null) {
      return ConditionEvaluationResult.enabled("a kube-apiserver answers");
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but " + why);
    }
    if (!announced) {
      announced = true;
      System.err.println(
          "!!!!! SKIPPING the real kube-apiserver tests of rootlock-e2e: "
              + why
              + " (run scripts/kube-apiserver up; eval \"$(scripts/kube-apiserver env)\") !!!!!");
    }
    return ConditionEvaluationResult.disabled(why);
  }

  /** The directory {@code scripts/kube-apiserver up} wrote: kubeconfigs, CA, kubectl. */
  static Path dir() {
    return Path.of(System.getenv(ENV));
  }

  /** Kubeconfig of {@code rootlock-admin} (group system:masters). */
  static Path admin() {
    return dir().resolve("admin.kubeconfig");
  }

  /** Kubeconfig of {@code rootlock-nobody}: authenticated, no RBAC grant of its own. */
  static Path nobody() {
    return dir().resolve("nobody.kubeconfig");
  }

  private static synchronized String problem() {
    if (!checked) {
      checked = true;
      problem = findProblem();
    }
    return problem;
  }

  private static String findProblem() {
    String dir = System.getenv(ENV);
    if (dir == null || dir.isBlank()) {
      return ENV + " is not set";
    }
    for (String file : List.of("admin.kubeconfig", "nobody.kubeconfig", "ca.crt", "kubectl")) {
      if (!Files.exists(Path.of(dir, file))) {
        return ENV + "=" + dir + " has no " + file;
      }
    }
    Kubectl.Result ready = Kubectl.admin("get", "--raw", "/readyz");
    if (ready.exitCode() != 0 || !ready.out().equals("ok")) {
      return "the kube-apiserver in " + dir + " is not ready: " + ready.err().strip();
    }
    return null;
  }
}
