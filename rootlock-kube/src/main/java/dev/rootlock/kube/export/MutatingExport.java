package dev.rootlock.kube.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the webhook's {@code /mutate} a {@code MutatingAdmissionPolicy} ({@code
 * admissionregistration.k8s.io/v1beta1}, Kubernetes 1.34) can express: every init and regular
 * container of a new Linux pod that does not set {@code readOnlyRootFilesystem} gets {@code true},
 * and, unless it already mounts something at {@code /tmp} (or writable at {@code /}), a mount of a
 * {@code rootlock-tmp} memory {@code emptyDir} with the fixer's default size at {@code /tmp}.
 *
 * <p>It is written as server-side-apply {@code ApplyConfiguration}s, which merge containers and
 * volumes by name and mounts by path, so no index is needed and nothing the user set is replaced:
 * only containers without the field are named. What it cannot do, and the webhook does: the paths
 * each known image writes (the knowledge base is not in CEL), sizes for existing memory volumes,
 * sharing a volume another container already mounts, and a new volume name when {@code
 * rootlock-tmp} is taken (then no {@code /tmp} is added at all). A path with {@code ..} in a
 * container's mounts also stops its {@code /tmp}, since it could resolve to {@code /tmp}.
 */
public final class MutatingExport {

  public static final String POLICY_NAME = "rootlock-read-only-root";

  static final String VOLUME = "rootlock-tmp";

  /** The fixer's default {@code /tmp} size ({@code FixOptions.DEFAULT_TMP_SIZE}). */
  static final String TMP_SIZE = "64Mi";

  private static final String UNSET =
      "!(has(c.securityContext) && has(c.securityContext.readOnlyRootFilesystem))";

  private static final String SEGMENTS = "m.mountPath.split('/').filter(s, s != '' && s != '.')";

  /** Whether container {@code c} gets a {@code /tmp} mount. */
  private static final String NEEDS_TMP =
      "variables.tmpFree && !(has(c.volumeMounts) && c.volumeMounts.exists(m,"
          + " m.mountPath.contains('..') || "
          + SEGMENTS
          + " == ['tmp']"
          + " || ("
          + SEGMENTS
          + " == [] && !(has(m.readOnly) && m.readOnly == true))))";

  private MutatingExport() {}

  static final String TMP_FREE =
      "!has(object.spec.volumes) || !object.spec.volumes.exists(v, v.name == '" + VOLUME + "')";

  /** {@code variables.tmpWriters}: names of the containers that get the {@code /tmp} mount. */
  static final String TMP_WRITERS =
      "(has(object.spec.initContainers) ? object.spec.initContainers.filter(c, "
          + UNSET
          + " && "
          + NEEDS_TMP
          + ").map(c, c.name) : []) + object.spec.containers.filter(c, "
          + UNSET
          + " && "
          + NEEDS_TMP
          + ").map(c, c.name)";

  /** The apply configuration for one container list, as a field of {@code Object.spec}. */
  static String containers(String list) {
    String type = "Object.spec." + list;
    String items =
        list.equals("containers")
            ? "object.spec.containers"
            : "(has(object.spec." + list + ") ? object.spec." + list + " : [])";
    return list
        + ": "
        + items
        + ".filter(c, "
        + UNSET
        + ").map(c, "
        + type
        + "{name: c.name, securityContext: "
        + type
        + ".securityContext{readOnlyRootFilesystem: true}, volumeMounts: c.name in"
        + " variables.tmpWriters ? ["
        + type
        + ".volumeMounts{name: '"
        + VOLUME
        + "', mountPath: '/tmp'}] : []})";
  }

  /**
   * The one mutation: a single apply configuration, so that its variables are read from the pod as
   * it came (empty lists merge as no change).
   */
  static final String MUTATION =
      "Object{spec: Object.spec{"
          + containers("initContainers")
          + ", "
          + containers("containers")
          + ", volumes: size(variables.tmpWriters) > 0 ? [Object.spec.volumes{name: '"
          + VOLUME
          + "', emptyDir: Object.spec.volumes.emptyDir{medium: 'Memory', sizeLimit: '"
          + TMP_SIZE
          + "'}}] : []}}";

  /** The policy and its binding, as a YAML stream starting with {@code ---}. */
  public static String yaml(ExportExemptions exemptions) {
    StringBuilder out = new StringBuilder();
    out.append("---\n");
    out.append("# What rootlock's mutating webhook does that a MutatingAdmissionPolicy can: a\n");
    out.append("# read-only root and a ")
        .append(TMP_SIZE)
        .append(" memory /tmp for every container that sets no\n");
    out.append(
        "# readOnlyRootFilesystem. admissionregistration.k8s.io/v1beta1: Kubernetes 1.34+\n");
    out.append(
        "# with that API and the MutatingAdmissionPolicy feature gate enabled. Its CEL was\n");
    out.append("# evaluated by rootlock's tests, its merge modelled; it was not run on a 1.34\n");
    out.append("# API server. Not done, unlike the webhook: the paths known images write.\n");
    out.append("apiVersion: admissionregistration.k8s.io/v1beta1\n");
    out.append("kind: MutatingAdmissionPolicy\n");
    out.append("metadata:\n");
    out.append("  name: ").append(POLICY_NAME).append('\n');
    out.append("  labels:\n");
    out.append("    app.kubernetes.io/name: rootlock\n");
    out.append("spec:\n");
    out.append("  failurePolicy: Fail\n");
    out.append("  reinvocationPolicy: IfNeeded\n");
    out.append("  matchConstraints:\n");
    out.append("    matchPolicy: Equivalent\n");
    out.append("    resourceRules:\n");
    out.append("      - apiGroups: [\"\"]\n");
    out.append("        apiVersions: [\"v1\"]\n");
    out.append("        operations: [\"CREATE\"]\n");
    out.append("        resources: [\"pods\"]\n");
    List<ExemptionsCel.MatchCondition> conditions = new ArrayList<>();
    conditions.add(
        new ExemptionsCel.MatchCondition(
            "linux",
            "!(has(object.spec.os) && has(object.spec.os.name) && object.spec.os.name =="
                + " 'windows')"));
    conditions.addAll(ExemptionsCel.matchConditions(exemptions));
    out.append("  matchConditions:\n");
    for (ExemptionsCel.MatchCondition condition : conditions) {
      out.append("    - name: ").append(condition.name()).append('\n');
      out.append("      expression: ").append(VapExport.quote(condition.expression())).append('\n');
    }
    out.append("  variables:\n");
    variable(out, "tmpFree", TMP_FREE);
    variable(out, "tmpWriters", TMP_WRITERS);
    out.append("  mutations:\n");
    out.append("    - patchType: ApplyConfiguration\n");
    out.append("      applyConfiguration:\n");
    out.append("        expression: ").append(VapExport.quote(MUTATION)).append('\n');
    out.append("---\n");
    out.append("apiVersion: admissionregistration.k8s.io/v1beta1\n");
    out.append("kind: MutatingAdmissionPolicyBinding\n");
    out.append("metadata:\n");
    out.append("  name: ").append(POLICY_NAME).append('\n');
    out.append("  labels:\n");
    out.append("    app.kubernetes.io/name: rootlock\n");
    out.append("spec:\n");
    out.append("  policyName: ").append(POLICY_NAME).append('\n');
    out.append("  matchResources:\n");
    out.append("    namespaceSelector:\n");
    out.append("      matchLabels:\n");
    out.append("        rootlock.dev/mutate: \"true\"\n");
    out.append("      matchExpressions:\n");
    out.append("        - key: kubernetes.io/metadata.name\n");
    out.append("          operator: NotIn\n");
    out.append("          values: [")
        .append(
            String.join(
                ", ", VapExport.skipped(exemptions).stream().map(n -> "\"" + n + "\"").toList()))
        .append("]\n");
    return out.toString();
  }

  private static void variable(StringBuilder out, String name, String expression) {
    out.append("    - name: ").append(name).append('\n');
    out.append("      expression: ").append(VapExport.quote(expression)).append('\n');
  }
}
