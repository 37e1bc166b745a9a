package dev.rootlock.kube;

import dev.rootlock.kube.audit.AuditRow;
import dev.rootlock.kube.audit.ContainerFacts;
import dev.rootlock.kube.audit.KubeAuditReport;
import dev.rootlock.kube.audit.NamespaceSummary;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.text.Table;

/**
 * Renders an {@link KubeAuditReport} for a terminal: one row per container, then a summary per
 * namespace, then what could not be read.
 */
public final class KubeAuditTable {

  private KubeAuditTable() {}

  /**
   * The table; {@code wide} adds USER, PRIVESC, CAPS, SECCOMP and WRITABLE MOUNTS and lists every
   * failing check.
   */
  public static String render(KubeAuditReport report, boolean wide) {
    StringBuilder out = new StringBuilder();
    if (report.rows().isEmpty() && report.unreadable().isEmpty()) {
      out.append("No resources found.\n");
    }
    if (!report.rows().isEmpty()) {
      Table table =
          wide
              ? new Table(
                  "NAMESPACE",
                  "OWNER",
                  "POD",
                  "CONTAINER",
                  "READONLY",
                  "CHECKS",
                  "USER",
                  "PRIVESC",
                  "CAPS",
                  "SECCOMP",
                  "WRITABLE MOUNTS")
              : new Table("NAMESPACE", "OWNER", "POD", "CONTAINER", "READONLY", "CHECKS");
      for (AuditRow row : report.rows()) {
        // The narrow table names the first failing check and how many more; wide names all.
        String checks =
            wide
                ? row.checks().isEmpty() ? ContainerFacts.NONE : String.join(",", row.checks())
                : Table.firstAndCount(row.checks(), ContainerFacts.NONE);
        if (wide) {
          String mounts =
              row.writableMounts().isEmpty()
                  ? ContainerFacts.NONE
                  : String.join(",", row.writableMounts());
          table.add(
              row.namespace(),
              row.owner(),
              row.pod(),
              row.container(),
              row.readOnly(),
              checks,
              row.user(),
              row.privilegeEscalation(),
              row.capabilities(),
              row.seccomp(),
              mounts);
        } else {
          table.add(
              row.namespace(), row.owner(), row.pod(), row.container(), row.readOnly(), checks);
        }
      }
      table.appendTo(out);
      out.append('\n');
    }
    if (!report.namespaces().isEmpty()) {
      Table summary = new Table("NAMESPACE", "OBJECTS", "VIOLATING", "CONTAINERS", "READONLY");
      for (NamespaceSummary ns : report.namespaces()) {
        summary.add(
            ns.namespace(),
            Integer.toString(ns.objects()),
            Integer.toString(ns.violating()),
            Integer.toString(ns.containers()),
            Integer.toString(ns.readOnly()));
      }
      summary.appendTo(out);
    }
    long violatingNamespaces =
        report.namespaces().stream().filter(ns -> ns.violating() > 0).count();
    out.append(report.policy())
        .append(": ")
        .append(report.violatingObjects())
        .append(" of ")
        .append(report.objects())
        .append(report.objects() == 1 ? " object violates" : " objects violate")
        .append(", in ")
        .append(violatingNamespaces)
        .append(" of ")
        .append(report.namespaces().size())
        .append(report.namespaces().size() == 1 ? " namespace" : " namespaces")
        .append('\n');
    for (Unreadable each : report.unreadable()) {
      out.append("could not read ").append(each).append('\n');
    }
    return out.toString();
  }
}
