package dev.rootlock.engine;

import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.policy.checks.PodChecks;

/**
 * The one facade the CLI, the cluster auditor and the webhook call. Thread-safe: it holds only the
 * immutable check registries.
 */
public final class Engine {

  private final WorkloadEvaluator workloads;

  private Engine(CheckRegistry<Pod> podChecks) {
    this.workloads = new WorkloadEvaluator(podChecks);
  }

  /** The engine with every built-in check. */
  public static Engine standard() {
    return new Engine(PodChecks.registry());
  }

  /** Evaluates one workload (from a file, a cluster or an admission request) at {@code policy}. */
  public ObjectResult evaluate(Workload workload, LevelVersion policy) {
    return workloads.evaluate(workload, policy);
  }
}
