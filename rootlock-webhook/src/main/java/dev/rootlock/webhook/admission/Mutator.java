package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.engine.ExemptionRules;
import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.plan.Plan;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.webhook.config.PolicyLabels;
import dev.rootlock.webhook.config.PsaExemptions;
import dev.rootlock.webhook.config.WebhookConfig;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mutating webhook: for new pods in namespaces labelled {@code rootlock.dev/mutate: "true"},
 * answers with the changes {@code rootlock fix} would make to the pod (read-only roots, the {@code
 * /tmp} memory volume with a size limit, the paths known images write, and the rest of {@code
 * hardened}) as a {@link PlanPatch}. Windows pods get none, and nothing the user set is removed. It
 * never refuses anything; judging is the validating webhook's job, and it runs after this one, on
 * the patched pod.
 */
public final class Mutator {

  /** What the webhook hardens: what {@code rootlock fix} does with its defaults. */
  static final FixOptions OPTIONS = FixOptions.defaults();

  /** Records on the pod which checks the webhook made pass, for whoever wonders later. */
  static final String MUTATED_ANNOTATION = "rootlock.dev/mutated";

  private final Engine engine;
  private final AdmissionObjects objects;
  private final WebhookConfig config;
  private final NamespaceLabels namespaces;
  private final ReviewMetrics metrics;
  private final ExemptionRules rootlockExemptions;

  public Mutator(
      Engine engine,
      AdmissionObjects objects,
      WebhookConfig config,
      NamespaceLabels namespaces,
      ReviewMetrics metrics,
      ExemptionRules rootlockExemptions) {
    this.engine = engine;
    this.objects = objects;
    this.config = config;
    this.namespaces = namespaces;
    this.metrics = metrics;
    this.rootlockExemptions = rootlockExemptions;
  }

  public AdmissionResponse review(AdmissionRequest request) {
    if (!request.group().isEmpty()
        || !request.resource().equals("pods")
        || !request.subResource().isEmpty()
        || !request.isCreate()
        || request.object() == null
        || !request.object().isObject()) {
      return AdmissionResponse.ALLOWED;
    }
    PsaExemptions exemptions = config.exemptions();
    if (exemptions.namespaces().contains(request.namespace())
        || exemptions.usernames().contains(request.username())) {
      metrics.review("exempt", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    Map<String, String> labels = namespaces.labelsOf(request.namespace());
    if (labels == null || !"true".equals(labels.get(PolicyLabels.MUTATE))) {
      return AdmissionResponse.ALLOWED;
    }
    String runtimeClass = request.object().path("spec").path("runtimeClassName").asText("");
    if (!runtimeClass.isEmpty() && exemptions.runtimeClasses().contains(runtimeClass)) {
      metrics.review("exempt", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    Workload pod;
    try {
      pod = objects.workload(request.object());
    } catch (UndecodableObjectException e) {
      return AdmissionResponse.ALLOWED; // the validating webhook answers for an unreadable pod
    }
    // What the rootlock config (or the pod's rootlock.dev/exempt annotations) exempts is left as
    // written, as rootlock fix leaves it; the validating webhook then reports it as exempt.
    Plan plan =
        engine.hardeningPlan(pod, OPTIONS, rootlockExemptions.on(LocalDate.now(ZoneOffset.UTC)));
    ArrayNode patch;
    try {
      PlanPatch planned = PlanPatch.against(request.object()).apply(plan.changes());
      if (!planned.operations().isEmpty()) {
        planned.setIfAbsent(
            FieldPath.of("metadata", "annotations").key(MUTATED_ANNOTATION),
            String.join(",", new TreeSet<>(plan.targetChecks())));
      }
      patch = planned.operations();
    } catch (PlanPatch.Unpatchable e) {
      metrics.review("allow", "mutate", request.kind());
      return AdmissionResponse.ALLOWED.withWarnings(
          List.of("rootlock did not mutate this pod: " + e.getMessage()));
    }
    if (patch.isEmpty()) {
      metrics.review("allow", "mutate", request.kind());
      return AdmissionResponse.ALLOWED;
    }
    metrics.review("patch", "mutate", request.kind());
    try {
      // The fix's notes (an image that starts as root, data that needs a real volume) are what
      // the person applying this pod must act on; kubectl shows warnings to them.
      AdmissionResponse patched =
          AdmissionResponse.ALLOWED.withPatch(AdmissionReviews.json().writeValueAsBytes(patch));
      return plan.notes().isEmpty()
          ? patched
          : patched.withWarnings(
              plan.notes().stream().map(n -> "rootlock mutated this pod: " + n).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }
}
