package dev.rootlock.model.pod;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Locator;
import dev.rootlock.model.SourceRef;
import java.util.List;
import java.util.Objects;

/**
 * A Kubernetes object that carries a pod template (Pod, Deployment, CronJob, ...), as read from a
 * file, a cluster or an admission request.
 *
 * @param source where the object starts
 * @param metadata the object's own metadata (for a Pod, also the template's)
 * @param templatePath where the pod template's root is inside the object: empty for a Pod, {@code
 *     spec.template} for a Deployment, {@code spec.jobTemplate.spec.template} for a CronJob, {@code
 *     template} for a PodTemplate
 * @param pod the pod template, or null when the object has none (a ReplicationController without a
 *     template), which every policy allows
 * @param problems fields with values of the wrong type
 * @param locator positions of fields, by path relative to the object's root
 */
public record Workload(
    SourceRef source,
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    FieldPath templatePath,
    Pod pod,
    List<FieldProblem> problems,
    Locator locator) {

  public Workload {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(templatePath, "templatePath");
    Objects.requireNonNull(locator, "locator");
    problems = List.copyOf(problems);
  }

  /** {@code kind/name}, as kubectl prints it (kind lower-cased). */
  public String displayName() {
    return kind.toLowerCase(java.util.Locale.ROOT)
        + "/"
        + (metadata.name() == null ? "" : metadata.name());
  }
}
