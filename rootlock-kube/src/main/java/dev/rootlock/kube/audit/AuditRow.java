package dev.rootlock.kube.audit;

import java.util.List;

/**
 * One container of one audited object: a row of the audit table.
 *
 * @param owner the controller the object is grouped under ({@code deployment/web}), or {@code -}
 * @param pod the pod's name, or {@code kind/name (template)} for a controller's own template
 * @param readOnly {@code true}, {@code false} or {@code unset (writable)}
 * @param checks the IDs of the failing checks that concern this container (its own, and the
 *     pod-wide ones), in the policy's order
 * @param user the effective {@code runAsUser}, {@code non-root}, or {@code unset}
 * @param privilegeEscalation the container's allowPrivilegeEscalation: {@code true}, {@code false}
 *     or {@code unset}
 * @param capabilities e.g. {@code drop=ALL add=NET_BIND_SERVICE}, or {@code -}
 * @param seccomp the effective seccomp profile type, or {@code unset}
 * @param writableMounts the mount paths the container can write, or empty
 */
public record AuditRow(
    String namespace,
    String owner,
    String pod,
    String container,
    String readOnly,
    List<String> checks,
    String user,
    String privilegeEscalation,
    String capabilities,
    String seccomp,
    List<String> writableMounts) {

  public AuditRow {
    checks = List.copyOf(checks);
    writableMounts = List.copyOf(writableMounts);
  }

  /** Whether any check fails for this container. */
  public boolean violates() {
    return !checks.isEmpty();
  }
}
