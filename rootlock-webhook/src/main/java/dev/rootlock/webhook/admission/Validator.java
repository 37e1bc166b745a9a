package dev.rootlock.webhook.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.WorkloadKinds;
import dev.rootlock.model.pod.Workload;
import dev.rootlock.webhook.config.FieldError;
import dev.rootlock.webhook.config.Policy;
import dev.rootlock.webhook.config.PolicyLabels;
import dev.rootlock.webhook.config.WebhookConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validating webhook's judgement of one request, following PSA request by request (§5–§7 of the
 * PSA notes): pods are enforced, pod controllers are warned about and audited, namespaces have
 * their {@code rootlock.dev/*} labels validated and a raised enforce level dry-run against their
 * pods.
 */
public final class Validator {

  static final String ENFORCE_POLICY = "enforce-policy";
  static final String AUDIT_VIOLATIONS = "audit-violations";
  static final String EXEMPT = "exempt";

  /** The audit annotation naming the rootlock exemptions that allowed a review. */
  static final String ROOTLOCK_EXEMPT = "rootlock-exempt";

  static final String ERROR = "error";

  /** Pod subresources that cannot change what a pod runs; PSA lets them through untouched. */
  private static final Set<String> IGNORED_POD_SUBRESOURCES =
      Set.of("attach", "binding", "eviction", "exec", "log", "portforward", "proxy", "status");

  /** Resources that carry a pod template, warned about and audited but never enforced. */
  static final Set<String> POD_CONTROLLERS =
      Set.of(
          "podtemplates",
          "replicationcontrollers",
          "replicasets",
          "deployments",
          "statefulsets",
          "daemonsets",
          "jobs",
          "cronjobs");

  /** How long a dry-run may take at most, whatever the request's own timeout. */
  static final Duration DRY_RUN_BUDGET = Duration.ofSeconds(1);

  private final Engine engine;
  private final WebhookConfig config;
  private final boolean shadowPsa;
  private final NamespaceLabels namespaces;
  private final AdmissionObjects objects;
  private final ExistingPods existingPods;
  private final DryRun dryRun;
  private final ReviewMetrics metrics;
  private final dev.rootlock.engine.ExemptionRules exemptions;

  Validator(
      Engine engine,
      WebhookConfig config,
      boolean shadowPsa,
      NamespaceLabels namespaces,
      AdmissionObjects objects,
      ExistingPods existingPods,
      ReviewMetrics metrics) {
    this(
        engine,
        config,
        shadowPsa,
        namespaces,
        objects,
        existingPods,
        metrics,
        dev.rootlock.engine.ExemptionRules.OFF);
  }

  public Validator(
      Engine engine,
      WebhookConfig config,
      boolean shadowPsa,
      NamespaceLabels namespaces,
      AdmissionObjects objects,
      ExistingPods existingPods,
      ReviewMetrics metrics,
      dev.rootlock.engine.ExemptionRules exemptions) {
    this.exemptions = exemptions;
    this.engine = engine;
    this.config = config;
    this.shadowPsa = shadowPsa;
    this.namespaces = namespaces;
    this.objects = objects;
    this.existingPods = existingPods;
    this.metrics = metrics;
    this.dryRun =
        new DryRun(engine, objects, config.exemptions().runtimeClasses(), System::nanoTime);
  }

  /**
   * Judges one request.
   *
   * @param timeout what the API server gave the webhook ({@code ?timeout=}), or null
   */
  public AdmissionResponse review(AdmissionRequest request, Duration timeout) {
    String resource = request.resource();
    if (request.group().isEmpty() && resource.equals("pods")) {
      return pod(request);
    }
    if (request.group().isEmpty() && resource.equals("namespaces")) {
      return namespace(request, timeout);
    }
    // A custom group's "jobs" is not batch's: Kubernetes' controllers are known by their groups.
    if ((WorkloadKinds.isKubernetesGroup(request.group()) && POD_CONTROLLERS.contains(resource))
        || objects.isCustomWorkload(request.group(), request.object())) {
      return podController(request);
    }
    return AdmissionResponse.ALLOWED;
  }

  private AdmissionResponse pod(AdmissionRequest request) {
    String subResource = request.subResource();
    if (IGNORED_POD_SUBRESOURCES.contains(subResource)
        || !(request.isCreate() || request.isUpdate())) {
      return AdmissionResponse.ALLOWED;
    }
    AdmissionResponse exempt = exemptNamespaceOrUser(request);
    if (exempt != null) {
      return exempt;
    }
    Map<String, String> labels = namespaces.labelsOf(request.namespace());
    if (labels == null) {
      metrics.review("error", "enforce", request.kind());
      return AdmissionResponse.denied(
          AdmissionResponse.Status.internal(
              "failed to lookup namespace \"" + request.namespace() + "\""),
          Map.of());
    }
    PolicyLabels.Resolved resolved = PolicyLabels.resolve(labels, config.defaults(), shadowPsa);
    if (resolved.errors().isEmpty() && resolved.policy().fullyPrivileged()) {
      metrics.review("allow", "enforce", request.kind());
      return AdmissionResponse.allowed(Map.of(ENFORCE_POLICY, "privileged:latest"));
    }
    Workload pod;
    try {
      pod = objects.workload(required(request.object(), "object"));
      if (request.isUpdate()) {
        Workload before = objects.workload(required(request.oldObject(), "oldObject"));
        if (pod.pod() != null
            && before.pod() != null
            && !SignificantUpdate.significant(before.pod().spec(), pod.pod().spec())) {
          return AdmissionResponse.ALLOWED;
        }
      }
    } catch (UndecodableObjectException e) {
      return undecodable(e);
    }
    return evaluate(request, resolved, pod, true);
  }

  private AdmissionResponse podController(AdmissionRequest request) {
    if (!request.subResource().isEmpty() || !(request.isCreate() || request.isUpdate())) {
      return AdmissionResponse.ALLOWED;
    }
    AdmissionResponse exempt = exemptNamespaceOrUser(request);
    if (exempt != null) {
      return exempt;
    }
    Map<String, String> labels = namespaces.labelsOf(request.namespace());
    if (labels == null) {
      // Controllers are only advised, never refused: an unknown namespace fails open.
      metrics.review("error", "warn", request.kind());
      return AdmissionResponse.allowed(
          Map.of(ERROR, "failed to lookup namespace \"" + request.namespace() + "\""));
    }
    PolicyLabels.Resolved resolved = PolicyLabels.resolve(labels, config.defaults(), shadowPsa);
    Policy policy = resolved.policy();
    if (resolved.errors().isEmpty()
        && policy.audit().level() == Level.PRIVILEGED
        && policy.warn().level() == Level.PRIVILEGED) {
      return AdmissionResponse.ALLOWED;
    }
    Workload workload;
    try {
      workload = objects.workload(required(request.object(), "object"));
    } catch (UndecodableObjectException e) {
      return undecodable(e);
    }
    if (workload.pod() == null) {
      return AdmissionResponse.ALLOWED;
    }
    return evaluate(request, resolved, workload, false);
  }

  /** PSA's EvaluatePod: enforce (pods only), then audit, then warn if still allowed. */
  private AdmissionResponse evaluate(
      AdmissionRequest request,
      PolicyLabels.Resolved resolved,
      Workload workload,
      boolean enforce) {
    String kind = request.kind();
    String runtimeClass = workload.pod().spec().runtimeClassName();
    if (runtimeClass != null
        && !runtimeClass.isEmpty()
        && config.exemptions().runtimeClasses().contains(runtimeClass)) {
      metrics.review("exempt", "all", kind);
      return AdmissionResponse.allowed(Map.of(EXEMPT, "runtimeClass"));
    }
    Policy policy = resolved.policy();
    Map<String, String> annotations = new LinkedHashMap<>();
    if (!resolved.errors().isEmpty()) {
      annotations.put(ERROR, "Failed to parse policy: " + FieldError.aggregate(resolved.errors()));
    }
    ObjectResult enforced = null;
    AdmissionResponse.Status denial = null;
    if (enforce) {
      annotations.put(ENFORCE_POLICY, policy.enforce().toString());
      enforced = judge(workload, policy.enforce(), annotations, kind);
      metrics.review(enforced.allowed() ? "allow" : "deny", "enforce", kind);
      if (!enforced.allowed()) {
        denial = AdmissionResponse.Status.forbidden(request, enforced.message());
      }
    }
    ObjectResult audited =
        enforced != null && policy.audit().equals(policy.enforce())
            ? enforced
            : judge(workload, policy.audit(), enforce ? null : annotations, kind);
    metrics.review(audited.allowed() ? "allow" : "deny", "audit", kind);
    if (!audited.allowed()) {
      annotations.put(AUDIT_VIOLATIONS, wouldViolate(audited));
    }
    if (denial != null) {
      return AdmissionResponse.denied(denial, annotations);
    }
    ObjectResult warned;
    if (enforced != null && policy.warn().equals(policy.enforce())) {
      warned = enforced;
    } else if (policy.warn().equals(policy.audit())) {
      warned = audited;
    } else {
      warned = judge(workload, policy.warn(), null, kind);
    }
    metrics.review(warned.allowed() ? "allow" : "deny", "warn", kind);
    AdmissionResponse response = AdmissionResponse.allowed(annotations);
    return warned.allowed() ? response : response.withWarnings(List.of(wouldViolate(warned)));
  }

  /**
   * The engine's verdict with rootlock's exemptions applied. The message stays PSA's; a verdict
   * that only the exemptions allow is annotated ({@code rootlock.dev/exempt}: each exempt check and
   * its reason) and counted in {@code /metrics} by where the exemptions are written; only once per
   * review, so {@code annotations} is null for the later modes' verdicts.
   */
  private ObjectResult judge(
      Workload workload,
      dev.rootlock.model.LevelVersion level,
      Map<String, String> annotations,
      String kind) {
    ObjectResult result =
        engine.evaluate(
            workload, level, exemptions.on(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    if (annotations == null
        || !result.allowed()
        || result.exemptFindings().isEmpty()
        || result.message().isEmpty()) {
      return result;
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    boolean inObject = false;
    for (dev.rootlock.model.Finding finding : result.exemptFindings()) {
      parts.add(finding.check() + ": " + finding.exempt().reason());
      inObject |= finding.exempt().writtenInObject();
    }
    annotations.put(ROOTLOCK_EXEMPT, String.join("; ", parts));
    metrics.exemption(inObject ? "annotation" : "config", kind);
    return result;
  }

  /**
   * PSA's warning form, {@code would violate PodSecurity "restricted:latest": ...}, from the
   * engine's {@code violates ...} message (the same words as {@code Decision.warningMessage}).
   */
  static String wouldViolate(ObjectResult result) {
    String message = result.message();
    String verb = "violates ";
    return message.startsWith(verb)
        ? "would violate " + message.substring(verb.length())
        : "would violate: " + message;
  }

  private AdmissionResponse namespace(AdmissionRequest request, Duration timeout) {
    if (!request.subResource().isEmpty()) {
      return AdmissionResponse.ALLOWED;
    }
    if (!(request.isCreate() || request.isUpdate())) {
      return AdmissionResponse.ALLOWED;
    }
    if (request.object() == null) {
      return undecodable(new UndecodableObjectException("request.object is missing"));
    }
    String name = request.objectName();
    PolicyLabels.Resolved now =
        PolicyLabels.resolve(labelsOf(request.object()), config.defaults(), shadowPsa);
    boolean exempt = config.exemptions().namespaces().contains(name);
    if (request.isCreate()) {
      if (!now.errors().isEmpty()) {
        metrics.review("deny", "enforce", request.kind());
        return AdmissionResponse.denied(
            AdmissionResponse.Status.invalid("Namespace", name, now.errors()), Map.of());
      }
      return exempt ? exemptWarning(name, now) : AdmissionResponse.ALLOWED;
    }
    if (request.oldObject() == null) {
      return undecodable(new UndecodableObjectException("request.oldObject is missing"));
    }
    PolicyLabels.Resolved before =
        PolicyLabels.resolve(labelsOf(request.oldObject()), config.defaults(), shadowPsa);
    // A namespace that was already invalid may still be updated while its bad labels stay as
    // they were; only new mistakes are refused.
    if (!now.errors().isEmpty()
        && (before.errors().isEmpty() || !before.errors().equals(now.errors()))) {
      metrics.review("deny", "enforce", request.kind());
      return AdmissionResponse.denied(
          AdmissionResponse.Status.invalid("Namespace", name, now.errors()), Map.of());
    }
    LevelVersion newEnforce = now.policy().enforce();
    LevelVersion oldEnforce = before.policy().enforce();
    if (newEnforce.equals(oldEnforce)
        || newEnforce.level() == Level.PRIVILEGED
        || (newEnforce.version().equals(oldEnforce.version())
            && newEnforce.level().compareTo(oldEnforce.level()) <= 0)) {
      return AdmissionResponse.ALLOWED;
    }
    if (exempt) {
      return exemptWarning(name, now);
    }
    long budget = DRY_RUN_BUDGET.toNanos();
    if (timeout != null) {
      budget = Math.min(budget, timeout.toNanos() / 2);
    }
    List<String> warnings = dryRun.warnings(name, newEnforce, existingPods, budget);
    return AdmissionResponse.ALLOWED.withWarnings(warnings);
  }

  /** PSA's note that an exempt namespace's labels will not be acted on. */
  private AdmissionResponse exemptWarning(String namespace, PolicyLabels.Resolved resolved) {
    Policy policy = resolved.policy();
    if (policy.fullyPrivileged() || policy.equivalent(config.defaults())) {
      return AdmissionResponse.ALLOWED;
    }
    List<String> modes = new ArrayList<>();
    if (resolved.enforceLabelled() && policy.enforce().level() != Level.PRIVILEGED) {
      modes.add("enforce=" + policy.enforce());
    }
    if (resolved.auditLabelled() && policy.audit().level() != Level.PRIVILEGED) {
      modes.add("audit=" + policy.audit());
    }
    if (resolved.warnLabelled() && policy.warn().level() != Level.PRIVILEGED) {
      modes.add("warn=" + policy.warn());
    }
    return AdmissionResponse.ALLOWED.withWarnings(
        List.of(
            "namespace \""
                + namespace
                + "\" is exempt from rootlock, and the policy ("
                + String.join(", ", modes)
                + ") will be ignored"));
  }

  private AdmissionResponse exemptNamespaceOrUser(AdmissionRequest request) {
    if (config.exemptions().namespaces().contains(request.namespace())) {
      metrics.review("exempt", "all", request.kind());
      return AdmissionResponse.allowed(Map.of(EXEMPT, "namespace"));
    }
    if (config.exemptions().usernames().contains(request.username())) {
      metrics.review("exempt", "all", request.kind());
      return AdmissionResponse.allowed(Map.of(EXEMPT, "user"));
    }
    return null;
  }

  private static AdmissionResponse undecodable(UndecodableObjectException e) {
    return AdmissionResponse.denied(
        AdmissionResponse.Status.badRequest("failed to decode object: " + e.getMessage()),
        Map.of());
  }

  private static JsonNode required(JsonNode node, String field) throws UndecodableObjectException {
    if (node == null) {
      throw new UndecodableObjectException("request." + field + " is missing");
    }
    return node;
  }

  static Map<String, String> labelsOf(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    if (!labels.isObject()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    labels.properties().forEach(entry -> out.put(entry.getKey(), entry.getValue().asText()));
    return out;
  }
}
