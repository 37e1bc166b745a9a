package dev.rootlock.kube.export;

import java.util.List;
import java.util.function.Function;

/**
 * The CEL shared by every exported check: where the pod spec lives in each kind rootlock evaluates,
 * and how to visit init, regular and ephemeral containers in that order.
 */
final class PodSpecCel {

  /** The kinds whose pod template rootlock evaluates, as admission rules name them. */
  record Resource(String apiGroup, String resource) {}

  static final List<Resource> RESOURCES =
      List.of(
          new Resource("", "pods"),
          new Resource("", "podtemplates"),
          new Resource("", "replicationcontrollers"),
          new Resource("apps", "daemonsets"),
          new Resource("apps", "deployments"),
          new Resource("apps", "replicasets"),
          new Resource("apps", "statefulsets"),
          new Resource("batch", "cronjobs"),
          new Resource("batch", "jobs"));

  /** {@code variables.spec}: the pod spec, at the template path rootlock's decoder uses. */
  static final String SPEC =
      "object.kind == 'Pod' ? object.spec"
          + " : object.kind == 'PodTemplate' ? object.template.spec"
          + " : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec"
          + " : object.spec.template.spec";

  /**
   * {@code expression} applied to the pod spec's CEL path of each kind, chosen by kind as {@link
   * #SPEC} chooses, for the places that cannot use the policy's variables ({@code
   * matchConditions}).
   */
  static String bySpec(Function<String, String> expression) {
    return "object.kind == 'Pod' ? "
        + expression.apply("object.spec")
        + " : object.kind == 'PodTemplate' ? "
        + expression.apply("object.template.spec")
        + " : object.kind == 'CronJob' ? "
        + expression.apply("object.spec.jobTemplate.spec.template.spec")
        + " : "
        + expression.apply("object.spec.template.spec");
  }

  /**
   * {@code expression} applied to the pod template's metadata for every kind but Pod (whose
   * template is itself), or {@code []} when the template has no metadata.
   */
  static String byTemplateMetadata(Function<String, String> expression) {
    Function<String, String> guarded =
        template ->
            "(has("
                + template
                + ".metadata) ? "
                + expression.apply(template + ".metadata")
                + " : [])";
    return "object.kind == 'PodTemplate' ? "
        + guarded.apply("object.template")
        + " : object.kind == 'CronJob' ? "
        + guarded.apply("object.spec.jobTemplate.spec.template")
        + " : "
        + guarded.apply("object.spec.template");
  }

  /** {@code variables.windows}: Windows pods are exempt from the read-only root checks. */
  static final String WINDOWS =
      "has(variables.spec.os) && has(variables.spec.os.name) && variables.spec.os.name == 'windows'";

  private static final List<String> CONTAINER_LISTS =
      List.of("initContainers", "containers", "ephemeralContainers");

  private PodSpecCel() {}

  /**
   * The concatenation, in visiting order, of {@code perList} applied to each container list that is
   * set. {@code perList} is a CEL suffix such as {@code .filter(c, ...).map(c, c.name)}; each list
   * is mapped before concatenation, so lists of containers and ephemeral containers (two different
   * types to the API server's type checker) are never joined.
   */
  static String eachContainerList(String perList) {
    StringBuilder cel = new StringBuilder();
    for (String list : CONTAINER_LISTS) {
      if (!cel.isEmpty()) {
        cel.append(" + ");
      }
      String field = "variables.spec." + list;
      cel.append("(has(")
          .append(field)
          .append(") ? ")
          .append(field)
          .append(perList)
          .append(" : [])");
    }
    return cel.toString();
  }

  /**
   * {@code container "a"} or {@code containers "a", "b"}, as {@code Messages.containers} words
   * them, for a CEL list of names. Container names are DNS labels to the API server, so Go's
   * quoting of them is a plain pair of double quotes.
   */
  static String containersMessage(String names) {
    return "(size("
        + names
        + ") == 1 ? 'container ' : 'containers ') + "
        + names
        + ".map(n, '\"' + n + '\"').join(', ')";
  }
}
