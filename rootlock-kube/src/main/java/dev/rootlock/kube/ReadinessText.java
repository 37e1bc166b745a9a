package dev.rootlock.kube;

import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.kube.readiness.NamespaceReadiness;
import dev.rootlock.kube.readiness.ReadinessReport;
import java.util.Map;

/** Renders a {@link ReadinessReport} for a terminal, warnings as kubectl prints them. */
public final class ReadinessText {

  private ReadinessText() {}

  public static String render(ReadinessReport report) {
    StringBuilder out = new StringBuilder();
    for (NamespaceReadiness ns : report.namespaces()) {
      out.append("namespace ").append(ns.namespace()).append('\n');
      if (ns.labels().isEmpty()) {
        out.append("  labels: none\n");
      } else {
        out.append("  labels:\n");
        for (Map.Entry<String, String> label : ns.labels().entrySet()) {
          out.append("    ")
              .append(label.getKey())
              .append('=')
              .append(label.getValue())
              .append('\n');
        }
      }
      out.append("  enforce ").append(report.policy()).append(": ");
      if (ns.ready() && ns.exempt() == 0) {
        out.append(ns.pods() == 0 ? "no pods to reject" : "rejects none of " + count(ns.pods()));
        out.append('\n');
      } else {
        out.append("rejects ")
            .append(ns.ready() ? "none" : String.valueOf(ns.rejected()))
            .append(" of ")
            .append(count(ns.pods()));
        if (ns.exempt() > 0) {
          out.append(" (and ").append(ns.exempt()).append(" exempt)");
        }
        out.append("; labelling it now prints:\n");
        for (String warning : ns.warnings()) {
          out.append("    Warning: ").append(warning).append('\n');
        }
      }
      if (ns.exempt() > 0) {
        // PSA has no exemptions: its warnings (and, under its levels, its rejections) still
        // name these pods, so say why rootlock does not count them.
        out.append("  exempt: ")
            .append(count(ns.exempt()))
            .append(ns.exempt() == 1 ? " fails" : " fail")
            .append(" only checks that exemptions cover; not counted as rejected\n");
      }
      if (ns.rollout().isEmpty()) {
        out.append("  rollout: done, enforce is already ").append(report.policy()).append('\n');
      } else {
        out.append("  rollout (warn, then audit, then enforce once nothing is rejected):\n");
        for (String command : ns.rollout()) {
          out.append("    ").append(command).append('\n');
        }
      }
      out.append('\n');
    }
    long ready = report.namespaces().stream().filter(NamespaceReadiness::ready).count();
    out.append(report.policy())
        .append(": ")
        .append(ready)
        .append(" of ")
        .append(report.namespaces().size())
        .append(report.namespaces().size() == 1 ? " namespace is" : " namespaces are")
        .append(" ready to enforce\n");
    for (Unreadable each : report.unreadable()) {
      out.append("could not read ").append(each).append('\n');
    }
    return out.toString();
  }

  private static String count(int pods) {
    return pods + (pods == 1 ? " pod" : " pods");
  }
}
