package dev.rootlock.docker.discover;

import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.Trial;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DiscoveryReport} for people and for other tools: {@code docker run} flags, a
 * Compose snippet, a Kubernetes patch and the full text report. (JSON: {@link DiscoveryJson}.)
 */
public final class DiscoveryOutput {

  private DiscoveryOutput() {}

  /** The flags to add to {@code docker run}, one per line, ending with the image. */
  public static String dockerRunFlags(DiscoveryReport report) {
    List<String> flags = new ArrayList<>();
    flags.add("--read-only");
    for (WritablePath p : report.proposals()) {
      if (p.medium() == Medium.PERSISTENT) {
        flags.add("-v " + volumeName(p.path()) + ":" + p.path());
      } else {
        flags.add("--tmpfs " + p.path() + ":" + p.tmpfsOptions());
      }
    }
    flags.add("--cap-drop ALL");
    flags.add("--security-opt no-new-privileges");
    return "docker run " + String.join(" \\\n  ", flags) + " \\\n  " + report.image() + "\n";
  }

  /** A Compose service fragment (and the named volumes it needs). */
  public static String composeSnippet(DiscoveryReport report, String service) {
    StringBuilder out = new StringBuilder("services:\n  ").append(service).append(":\n")
        .append("    image: ").append(report.image()).append('\n')
        .append("    read_only: true\n")
        .append("    cap_drop: [ALL]\n")
        .append("    security_opt: [\"no-new-privileges:true\"]\n");
    List<WritablePath> memory = report.proposals().stream()
        .filter(p -> p.medium() != Medium.PERSISTENT).toList();
    List<WritablePath> persistent = report.proposals().stream()
        .filter(p -> p.medium() == Medium.PERSISTENT).toList();
    if (!memory.isEmpty()) {
      out.append("    tmpfs:\n");
      memory.forEach(p -> out.append("      - ").append(p.path()).append(':')
          .append(p.tmpfsOptions()).append('\n'));
    }
    if (!persistent.isEmpty()) {
      out.append("    volumes:\n");
      persistent.forEach(p -> out.append("      - ").append(volumeName(p.path())).append(':')
          .append(p.path()).append('\n'));
      out.append("volumes:\n");
      persistent.forEach(p -> out.append("  ").append(volumeName(p.path())).append(": {}\n"));
    }
    return out.toString();
  }

  /**
   * A strategic-merge patch for a pod template's container: read-only root, one volume per
   * writable path (emptyDir in memory or on disk with a size limit, a PVC for persistent data).
   */
  public static String kubernetesPatch(DiscoveryReport report, String container) {
    StringBuilder out = new StringBuilder();
    out.append("# emptyDir cannot be mounted noexec/nosuid/nodev before Kubernetes v1.37\n")
        .append("spec:\n  template:\n    spec:\n      containers:\n")
        .append("        - name: ").append(container).append('\n')
        .append("          securityContext:\n")
        .append("            readOnlyRootFilesystem: true\n")
        .append("            allowPrivilegeEscalation: false\n")
        .append("            capabilities:\n              drop: [\"ALL\"]\n");
    if (report.uid() != 0) {
      out.append("            runAsNonRoot: true\n")
          .append("            runAsUser: ").append(report.uid()).append('\n');
    }
    if (report.proposals().isEmpty()) {
      return out.toString();
    }
    out.append("          volumeMounts:\n");
    for (WritablePath p : report.proposals()) {
      out.append("            - name: ").append(volumeName(p.path())).append('\n')
          .append("              mountPath: ").append(p.path()).append('\n');
    }
    out.append("      volumes:\n");
    for (WritablePath p : report.proposals()) {
      out.append("        - name: ").append(volumeName(p.path())).append('\n');
      switch (p.medium()) {
        case MEMORY -> out.append("          emptyDir:\n            medium: Memory\n")
            .append("            sizeLimit: ").append(p.sizeMib()).append("Mi\n");
        case DISK -> out.append("          emptyDir:\n            sizeLimit: ")
            .append(p.sizeMib()).append("Mi\n");
        case PERSISTENT -> out.append("          persistentVolumeClaim:\n            claimName: ")
            .append(volumeName(p.path())).append('\n');
        default -> throw new IllegalStateException(p.medium().name());
      }
    }
    if (report.uid() != 0) {
      out.append("      securityContext:\n        fsGroup: ").append(report.gid()).append('\n');
    }
    return out.toString();
  }

  /** The whole report as text: what was found, proven and refused, then the three outputs. */
  public static String text(DiscoveryReport report) {
    StringBuilder out = new StringBuilder();
    out.append("rootlock docker discover ").append(report.image()).append(" (run ")
        .append(report.runId()).append(", user ")
        .append(report.user().isEmpty() ? "root" : report.user()).append(", uid ")
        .append(report.uid()).append(")\n\n");
    var s = report.staticFindings();
    out.append("Image config: VOLUME ").append(s.volumes().isEmpty() ? "none" : s.volumes())
        .append(", WorkingDir ").append(orUnset(s.workingDir())).append(", User ")
        .append(orUnset(s.user())).append(", TMPDIR ").append(orUnset(s.tmpdir()))
        .append(", HOME ").append(orUnset(s.home())).append('\n');
    var o = report.observation();
    out.append("Writable run: ").append(o.changes().size()).append(" changes, ")
        .append(o.stayedUp() ? "stayed up" : "exited " + o.exitCode()).append('\n');
    for (Trial t : report.trials()) {
      out.append("Trial ").append(t.number()).append(": ").append(t.tmpfs().size())
          .append(" tmpfs, ").append(t.stayedUp() ? "stayed up" : "exited " + t.exitCode())
          .append(", ").append(t.refusedWrites().size()).append(" refused writes")
          .append(t.added().isEmpty() ? "" : ", added " + String.join(", ", t.added()))
          .append(t.passed() ? " -> proven" : "").append('\n');
      t.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
    }
    out.append('\n');
    if (report.proven()) {
      out.append("Proven by trial ").append(report.provenByTrial())
          .append(": the read-only run stayed up with these writable paths.\n");
    } else {
      out.append("NOT PROVEN: no read-only trial stayed up with the paths below.\n");
    }
    for (WritablePath p : report.proposals()) {
      out.append(String.format(Locale.ROOT, "  %-28s %-10s %s%n", p.path(), p.medium().label(),
          p.medium() == Medium.PERSISTENT ? "volume" : p.tmpfsOptions()));
      p.evidence().stream().limit(3).forEach(e -> out.append("      ").append(e).append('\n'));
      if (!p.note().isEmpty()) {
        out.append("      note: ").append(p.note()).append('\n');
      }
    }
    for (RefusedPath r : report.refusals()) {
      out.append("  REFUSED ").append(r.path()).append(": ").append(r.reason()).append('\n');
      r.evidence().stream().limit(3).forEach(e -> out.append("      ").append(e).append('\n'));
    }
    if (!report.unproven().isEmpty()) {
      out.append("\nNot proven:\n");
      report.unproven().forEach(u -> out.append("  - ").append(u).append('\n'));
    }
    out.append("\n# docker run\n").append(dockerRunFlags(report))
        .append("\n# docker compose\n").append(composeSnippet(report, "app"))
        .append("\n# Kubernetes (strategic merge patch)\n").append(kubernetesPatch(report, "app"))
        .append(String.format(Locale.ROOT, "%nTook %.1f s, %d trial(s).%n",
            report.wallTime().toMillis() / 1000.0, report.trials().size()));
    return out.toString();
  }

  /** A DNS-1123 name for a volume at {@code path}: /var/lib/nginx becomes var-lib-nginx. */
  static String volumeName(String path) {
    String name = path.replaceAll("^/+", "").replaceAll("[^A-Za-z0-9]+", "-")
        .toLowerCase(Locale.ROOT).replaceAll("^-|-$", "");
    return name.isEmpty() ? "root" : name;
  }

  private static String orUnset(String value) {
    return value.isEmpty() ? "unset" : value;
  }
}
