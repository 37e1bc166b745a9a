package dev.rootlock.engine;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Locator;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decision into an object result whose findings point into the subject's file. Check paths
 * are relative to the subject (a pod template, a Compose service, a Dockerfile stage), so they are
 * prefixed with where the subject sits in its object before the source's locator places them.
 */
final class Verdicts {

  private Verdicts() {}

  static ObjectResult of(
      ObjectRef ref, Decision decision, FieldPath prefix, Locator locator, List<String> notes) {
    List<Finding> findings = new ArrayList<>();
    for (CheckOutcome failure : decision.failures()) {
      findings.add(findingOf(ref, failure, prefix, locator));
    }
    String message = decision.allowed() ? "" : decision.violationMessage();
    return new ObjectResult(ref, decision.allowed(), message, findings, notes);
  }

  private static Finding findingOf(
      ObjectRef ref, CheckOutcome failure, FieldPath prefix, Locator locator) {
    List<FieldPath> fields = failure.result().fields();
    FieldPath first = fields.isEmpty() ? prefix : prefix.append(fields.get(0));
    List<Finding.Located> others = new ArrayList<>();
    for (FieldPath field : fields.subList(Math.min(1, fields.size()), fields.size())) {
      FieldPath path = prefix.append(field);
      others.add(new Finding.Located(path, locator.locate(path), locator.fileOf(path)));
    }
    return new Finding(
        ref,
        failure.id(),
        failure.level().toString(),
        failure.result().containers(),
        failure.result().reason(),
        failure.result().detail(),
        first,
        locator.locate(first),
        others,
        locator.fileOf(first));
  }
}
