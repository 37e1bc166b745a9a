package dev.rootlock.engine;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.Decision;
import dev.rootlock.policy.LevelVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one workload's pod template and turns the decision into findings that point into the
 * workload's file: check paths are relative to the template, so they are prefixed with the
 * template's path before the source's locator places them.
 */
final class WorkloadEvaluator {

  private final CheckRegistry<Pod> registry;

  WorkloadEvaluator(CheckRegistry<Pod> registry) {
    this.registry = registry;
  }

  ObjectResult evaluate(Workload workload, LevelVersion policy) {
    ObjectRef ref = refOf(workload);
    if (workload.pod() == null) {
      return new ObjectResult(ref, true, "", List.of(), List.of());
    }
    Decision decision = registry.evaluate(policy, workload.pod());
    List<Finding> findings = new ArrayList<>();
    for (CheckOutcome failure : decision.failures()) {
      findings.add(findingOf(workload, ref, failure));
    }
    String message = decision.allowed() ? "" : decision.violationMessage();
    return new ObjectResult(ref, decision.allowed(), message, findings, List.of());
  }

  static ObjectRef refOf(Workload workload) {
    return new ObjectRef(
        workload.source(),
        workload.apiVersion(),
        workload.kind(),
        workload.metadata().namespace(),
        workload.metadata().name());
  }

  private static Finding findingOf(Workload workload, ObjectRef ref, CheckOutcome failure) {
    List<FieldPath> fields = failure.result().fields();
    FieldPath first =
        fields.isEmpty() ? workload.templatePath() : workload.templatePath().append(fields.get(0));
    List<Finding.Located> others = new ArrayList<>();
    for (FieldPath field : fields.subList(Math.min(1, fields.size()), fields.size())) {
      FieldPath path = workload.templatePath().append(field);
      others.add(new Finding.Located(path, workload.locator().locate(path)));
    }
    return new Finding(
        ref,
        failure.id(),
        failure.level().toString(),
        failure.result().containers(),
        failure.result().reason(),
        failure.result().detail(),
        first,
        workload.locator().locate(first),
        others);
  }
}
