package dev.rootlock.kube.export;

import java.util.List;

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
      cel.append("(has(").append(field).append(") ? ").append(field).append(perList).append(" : [])");
    }
    return cel.toString();
  }

  /**
   * {@code container "a"} or {@code containers "a", "b"}, as {@code Messages.containers} words
   * them, for a CEL list of names. Container names are DNS labels to the API server, so Go's
   * quoting of them is a plain pair of double quotes.
   */
  static String containersMessage(String names) {
    return "(size(" + names + ") == 1 ? 'container ' : 'containers ') + "
        + names + ".map(n, '\"' + n + '\"').join(', ')";
  }
}
