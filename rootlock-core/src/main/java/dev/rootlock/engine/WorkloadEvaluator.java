package dev.rootlock.engine;

import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckRegistry;
import java.util.List;

/** Evaluates a Kubernetes workload's pod template; an object without a template passes. */
final class WorkloadEvaluator {

  private final CheckRegistry<Pod> registry;

  WorkloadEvaluator(CheckRegistry<Pod> registry) {
    this.registry = registry;
  }

  ObjectResult evaluate(Workload workload, LevelVersion policy) {
    ObjectRef ref =
        new ObjectRef(
            workload.source(),
            workload.apiVersion(),
            workload.kind(),
            workload.metadata().namespace(),
            workload.metadata().name());
    if (workload.pod() == null) {
      return new ObjectResult(ref, true, "", List.of(), List.of());
    }
    return Verdicts.of(
        ref,
        registry.evaluate(policy, workload.pod()),
        workload.templatePath(),
        workload.locator(),
        List.of());
  }
}
