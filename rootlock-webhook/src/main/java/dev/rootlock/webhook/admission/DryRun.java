package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.NamespaceDryRun;
import dev.rootlock.engine.NamespaceDryRun.ExistingPod;
import dev.rootlock.model.LevelVersion;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The warnings for a namespace whose enforce level is being raised ({@link NamespaceDryRun}, in
 * PSA's words), from the pods the API server lists: exempt runtime classes are left out, and
 * checking follows PSA's time budget. The pods are not touched; the label change is always allowed.
 */
final class DryRun {

  private final Engine engine;
  private final AdmissionObjects objects;
  private final Set<String> exemptRuntimeClasses;
  private final LongSupplier nanoTime;

  DryRun(
      Engine engine,
      AdmissionObjects objects,
      Set<String> exemptRuntimeClasses,
      LongSupplier nanoTime) {
    this.engine = engine;
    this.objects = objects;
    this.exemptRuntimeClasses = exemptRuntimeClasses;
    this.nanoTime = nanoTime;
  }

  /**
   * The warnings for {@code namespace}'s pods under {@code enforce}.
   *
   * @param budgetNanos how long to keep checking pods once they are listed
   */
  List<String> warnings(
      String namespace, LevelVersion enforce, ExistingPods lister, long budgetNanos) {
    List<ExistingPod<JsonNode>> listed;
    try {
      listed = lister.list(namespace);
    } catch (Exception e) {
      return List.of(NamespaceDryRun.listFailed(enforce));
    }
    List<ExistingPod<JsonNode>> eligible =
        listed.stream().filter(pod -> !exempt(pod.pod())).toList();
    return NamespaceDryRun.warnings(
        namespace,
        enforce,
        eligible,
        pod -> reasons(pod, enforce),
        NamespaceDryRun.Limits.timed(nanoTime, budgetNanos));
  }

  private boolean exempt(JsonNode pod) {
    String runtimeClass = pod.path("spec").path("runtimeClassName").asText("");
    return !runtimeClass.isEmpty() && exemptRuntimeClasses.contains(runtimeClass);
  }

  /** The pod's reason-only verdict; null when it is allowed or cannot be read. */
  private String reasons(JsonNode pod, LevelVersion enforce) {
    try {
      return NamespaceDryRun.reasons(engine.evaluate(objects.workload(pod), enforce));
    } catch (UndecodableObjectException e) {
      return null;
    }
  }
}
