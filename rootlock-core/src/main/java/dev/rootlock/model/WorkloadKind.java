package dev.rootlock.model;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A kind whose objects carry a pod template: one row of {@link WorkloadKinds}.
 *
 * @param kind the kind's name, such as {@code Deployment}
 * @param groups the API groups it is served in ({@code ""} for the core group)
 * @param apiVersions the apiVersions it is served as, preferred first; empty for a mapping the user
 *     gave, which accepts every version of its groups
 * @param templatePath where the pod template is inside an object; the root for a Pod
 * @param plural the resource name in REST paths, or null when not known (a user's mapping)
 * @param namespaced whether its objects live in a namespace, as the API server's discovery says;
 *     every built-in workload kind does, and a user's mapping is taken to until discovery says
 *     otherwise
 */
public record WorkloadKind(
    String kind,
    Set<String> groups,
    List<String> apiVersions,
    FieldPath templatePath,
    String plural,
    boolean namespaced) {

  private static final Pattern MAPPING =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9]*)\\.([a-z0-9]([a-z0-9.-]*[a-z0-9])?)"
              + "=([A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*)*)");

  public WorkloadKind {
    groups = Set.copyOf(groups);
    apiVersions = List.copyOf(apiVersions);
  }

  /** A kind served in the given apiVersions (preferred first), its groups taken from them. */
  static WorkloadKind served(
      String kind, FieldPath templatePath, String plural, String... versions) {
    Set<String> groups = new java.util.LinkedHashSet<>();
    for (String version : versions) {
      groups.add(groupOf(version));
    }
    return new WorkloadKind(kind, groups, List.of(versions), templatePath, plural, true);
  }

  /**
   * A mapping as {@code --workload-kind} (and later {@code .rootlock.yaml}) writes it: {@code
   * Kind.group=path.to.template}, e.g. {@code Workflow.example.com=spec.template}. It accepts every
   * version of the group, as a CRD may serve several.
   *
   * @throws IllegalArgumentException when the mapping is not of that form
   */
  public static WorkloadKind parse(String mapping) {
    var matcher = MAPPING.matcher(mapping);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "invalid workload kind \""
              + mapping
              + "\": expected Kind.group=path.to.template, such as"
              + " Workflow.example.com=spec.template");
    }
    return new WorkloadKind(
        matcher.group(1),
        Set.of(matcher.group(2)),
        List.of(),
        FieldPath.of(matcher.group(4).split("\\.")),
        null,
        true);
  }

  /**
   * The row as {@link #parse} reads it back, {@code Workflow.example.com=spec.template}: how a
   * mapping is handed on, to {@code webhook serve} in the manifests that install it, say.
   */
  public String mapping() {
    return kind + "." + groups.iterator().next() + "=" + templatePath;
  }

  /** The preferred apiVersion, such as {@code apps/v1}; null for a user's mapping. */
  public String preferredApiVersion() {
    return apiVersions.isEmpty() ? null : apiVersions.get(0);
  }

  /** Whether {@code apiVersion} (of one of this kind's groups) is one this kind is served as. */
  boolean serves(String apiVersion) {
    return apiVersions.isEmpty()
        ? groups.contains(groupOf(apiVersion))
        : apiVersions.contains(apiVersion);
  }

  /** {@code apps} of {@code apps/v1}; {@code ""} (the core group) of {@code v1}. */
  static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
