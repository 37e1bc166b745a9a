package dev.rootlock.docker.discover;

import dev.rootlock.docker.discover.DiscoveryReport.Hardening;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.Trial;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import dev.rootlock.docker.trial.TrialSpec;
import dev.rootlock.docker.trial.TrialTmpfs;
import dev.rootlock.model.image.Medium;
import dev.rootlock.text.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link DiscoveryReport} for people and for other tools. The {@code docker run} line and
 * the Compose file of each hardening are rendered by the {@link TrialSpec} that ran, so they are
 * exactly what the trial ran; the Kubernetes patch is translated from it and says so. (JSON: {@link
 * DiscoveryJson}.)
 */
public final class DiscoveryOutput {

  private DiscoveryOutput() {}

  /** The {@code docker run} line of a hardening, on one line, exactly as its trial ran it. */
  public static String dockerRun(Hardening hardening) {
    return hardening.spec().dockerRunLine() + "\n";
  }

  /** A Compose file with one service that runs the hardening's exact settings. */
  public static String composeSnippet(Hardening hardening, String service) {
    return hardening.spec().composeService(service);
  }

  /**
   * A strategic-merge patch for a pod template's container with the hardening's settings: user
   * (runAsUser/runAsGroup), capabilities, read-only root, one volume per writable path (emptyDir in
   * memory or on disk with a size limit, a PVC for persistent data).
   */
  public static String kubernetesPatch(
      DiscoveryReport report, Hardening hardening, String container) {
    TrialSpec spec = hardening.spec();
    List<String> add = new ArrayList<>(spec.capAdd());
    boolean lowPort = report.observation().listeningPorts().stream().anyMatch(p -> p < 1024);
    boolean bindUnproven = lowPort && !add.contains("NET_BIND_SERVICE");
    if (bindUnproven) {
      add.add("NET_BIND_SERVICE");
    }
    StringBuilder out = new StringBuilder();
    out.append("# translated from the docker run line above; not run on Kubernetes\n")
        .append("# emptyDir cannot be mounted noexec/nosuid/nodev before Kubernetes v1.37\n");
    if (bindUnproven) {
      out.append("# NET_BIND_SERVICE: it listens below port 1024; Docker did not need it\n");
    }
    out.append("spec:\n  template:\n    spec:\n      containers:\n")
        .append("        - name: ")
        .append(container)
        .append('\n')
        .append("          securityContext:\n")
        .append("            readOnlyRootFilesystem: true\n")
        .append("            allowPrivilegeEscalation: false\n")
        .append("            seccompProfile:\n              type: RuntimeDefault\n")
        .append("            capabilities:\n              drop: [\"ALL\"]\n");
    if (!add.isEmpty()) {
      out.append("              add: [")
          .append(String.join(", ", add.stream().map(c -> "\"" + c + "\"").toList()))
          .append("]\n");
    }
    if (!spec.user().isEmpty() || hardening.uid() != 0) {
      out.append("            runAsUser: ")
          .append(hardening.uid())
          .append('\n')
          .append("            runAsGroup: ")
          .append(hardening.gid())
          .append('\n');
    }
    if (hardening.uid() != 0) {
      out.append("            runAsNonRoot: true\n");
    }
    List<WritablePath> persistent =
        report.proposals().stream().filter(p -> p.medium() == Medium.PERSISTENT).toList();
    if (spec.tmpfs().isEmpty() && persistent.isEmpty()) {
      return out.toString();
    }
    out.append("          volumeMounts:\n");
    for (TrialTmpfs m : spec.tmpfs()) {
      mount(out, m.path());
    }
    for (WritablePath p : persistent) {
      mount(out, p.path());
    }
    out.append("      volumes:\n");
    for (TrialTmpfs m : spec.tmpfs()) {
      out.append("        - name: ").append(volumeName(m.path())).append('\n');
      boolean memory =
          report.proposals().stream()
              .noneMatch(p -> p.path().equals(m.path()) && p.medium() == Medium.DISK);
      out.append(
              memory
                  ? "          emptyDir:\n            medium: Memory\n"
                  : "          emptyDir:\n")
          .append("            sizeLimit: ")
          .append(m.sizeMib())
          .append("Mi\n");
    }
    for (WritablePath p : persistent) {
      out.append("        - name: ")
          .append(volumeName(p.path()))
          .append('\n')
          .append("          persistentVolumeClaim:\n            claimName: ")
          .append(volumeName(p.path()))
          .append('\n');
    }
    if (hardening.uid() != 0) {
      out.append("      securityContext:\n        fsGroup: ").append(hardening.gid()).append('\n');
    }
    return out.toString();
  }

  private static void mount(StringBuilder out, String path) {
    out.append("            - name: ")
        .append(volumeName(path))
        .append('\n')
        .append("              mountPath: ")
        .append(path)
        .append('\n');
  }

  /**
   * The whole report as text, its tables narrow enough for a terminal: {@link
   * #text(DiscoveryReport, boolean)}.
   */
  public static String text(DiscoveryReport report) {
    return text(report, false);
  }

  /**
   * The whole report as text: what was found, proven and refused, then each hardening. Its tables
   * (trials, writable paths) fit 80 columns, evidence lines cut to fit; {@code wide} gives every
   * column and every line whole. The docker run lines, Compose files and patches are never cut:
   * they are what ran.
   */
  public static String text(DiscoveryReport report, boolean wide) {
    StringBuilder out = new StringBuilder();
    out.append("rootlock docker discover ")
        .append(report.image())
        .append(" (run ")
        .append(report.runId())
        .append(", user ")
        .append(report.user().isEmpty() ? "root" : report.user())
        .append(", uid ")
        .append(report.uid())
        .append(")\n\n");
    var s = report.staticFindings();
    out.append(
        prose(
            "Image config: VOLUME "
                + (s.volumes().isEmpty() ? "none" : s.volumes())
                + ", WorkingDir "
                + orUnset(s.workingDir())
                + ", User "
                + orUnset(s.user())
                + ", TMPDIR "
                + orUnset(s.tmpdir())
                + ", HOME "
                + orUnset(s.home()),
            "  ",
            wide));
    var o = report.observation();
    out.append(
        prose(
            "Writable run (evidence only: writable root, default capabilities): "
                + o.changes().size()
                + " changes, "
                + (o.stayedUp() ? "stayed up" : "exited " + o.exitCode())
                + (o.processIds().isEmpty() ? "" : ", processes as uid:gid " + o.processIds())
                + (o.listeningPorts().isEmpty() ? "" : ", listening on " + o.listeningPorts()),
            "  ",
            wide));
    String imageUser = report.user().isEmpty() ? "root" : report.user();
    out.append('\n').append(trialTable(report.trials(), imageUser, wide));
    for (Trial t : report.trials()) {
      String trial = "  trial " + t.number();
      t.refusedOperations()
          .forEach(r -> out.append(fit(trial + " refused: " + r.line(), wide)).append('\n'));
      t.notes().forEach(n -> out.append(fit(trial + " note: " + n, wide)).append('\n'));
    }
    out.append(writablePaths(report.proposals(), wide));
    for (RefusedPath r : report.refusals()) {
      out.append(prose("  REFUSED " + r.path() + ": " + r.reason(), "      ", wide));
      r.evidence().stream().limit(3).forEach(e -> out.append(fit("      " + e, wide)).append('\n'));
    }
    for (Hardening h : report.hardenings()) {
      out.append('\n');
      if (h.proven()) {
        out.append("== PROVEN by trial ")
            .append(h.provenByTrial())
            .append(": ")
            .append(h.label())
            .append(" ==\n# docker run (exactly what trial ")
            .append(h.provenByTrial())
            .append(" ran)\n");
      } else {
        out.append("== NOT PROVEN: ")
            .append(h.label())
            .append(" ==\n# why: ")
            .append(h.why())
            .append("\n# docker run (what the last trial ran; it did not pass)\n");
      }
      out.append(dockerRun(h))
          .append("# docker compose (the same settings)\n")
          .append(composeSnippet(h, "app"))
          .append("# Kubernetes (strategic merge patch)\n")
          .append(kubernetesPatch(report, h, "app"));
    }
    if (!report.unproven().isEmpty()) {
      out.append("\nNot proven:\n");
      report.unproven().forEach(u -> out.append(prose("  - " + u, "    ", wide)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%nTook %.1f s, %d trial(s) after the writable run.%n",
            report.wallTime().toMillis() / 1000.0,
            report.trials().size()));
    return out.toString();
  }

  /**
   * The paths to make writable, one table row each with up to three lines of evidence and its note
   * under it; {@code none} when there are none (a header over no row reads as if rows were lost).
   */
  private static String writablePaths(List<WritablePath> proposals, boolean wide) {
    if (proposals.isEmpty()) {
      return "\nWritable paths: none\n";
    }
    Table paths =
        new Table(wide ? List.of("PATH", "MEDIUM", "MOUNT") : List.of("PATH", "MEDIUM", "SIZE"));
    for (WritablePath p : proposals) {
      boolean volume = p.medium() == Medium.PERSISTENT;
      paths.add(
          p.path(),
          p.medium().toString(),
          volume ? "volume" : wide ? p.tmpfsOptions() : p.sizeMib() + "Mi");
    }
    List<String> rows = indented(paths.render(), "  ").lines().toList();
    StringBuilder out = new StringBuilder("\nWritable paths:\n").append(rows.get(0)).append('\n');
    for (int i = 0; i < proposals.size(); i++) {
      WritablePath p = proposals.get(i);
      out.append(rows.get(i + 1)).append('\n');
      p.evidence().stream().limit(3).forEach(e -> out.append(fit("      " + e, wide)).append('\n'));
      if (!p.note().isEmpty()) {
        out.append(fit("      note: " + p.note(), wide)).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The trials, one row each. Narrow: who ran it, how many tmpfs, the capabilities added (the first
   * and how many more), how it ended, how many refusals, whether it proved the proposal; wide adds
   * every capability, when it was steady and what it taught.
   */
  private static String trialTable(List<Trial> trials, String imageUser, boolean wide) {
    List<String> header =
        new ArrayList<>(List.of("TRIAL", "USER", "TMPFS", "CAP-ADD", "ENDED", "REFUSED"));
    if (wide) {
      header.add("ADDED");
    }
    header.add("PROVEN");
    Table table = new Table(header);
    for (Trial t : trials) {
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(t.number()));
      row.add(t.spec().user().isEmpty() ? imageUser : t.spec().user());
      row.add(String.valueOf(t.tmpfs().size()));
      row.add(
          wide
              ? (t.capAdd().isEmpty() ? "none" : String.join(",", t.capAdd()))
              : Table.firstAndCount(t.capAdd(), "none"));
      String ended = t.stayedUp() ? "up" : "exit " + t.exitCode();
      if (wide && t.steady()) {
        ended += String.format(Locale.ROOT, " (steady %.1f s)", t.elapsed().toMillis() / 1000.0);
      }
      row.add(ended);
      row.add(
          wide
              ? t.refusedWrites().size() + " writes, " + t.refusedOperations().size() + " ops"
              : String.valueOf(t.refusedWrites().size() + t.refusedOperations().size()));
      if (wide) {
        row.add(t.added().isEmpty() ? "-" : String.join(",", t.added()));
      }
      row.add(t.passed() ? "yes" : "no");
      table.add(row);
    }
    return indented(table.render(), "  ");
  }

  /** Every line of {@code text} with {@code prefix} before it. */
  static String indented(String text, String prefix) {
    StringBuilder out = new StringBuilder();
    text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
    return out.toString();
  }

  /**
   * A sentence, wrapped at blanks to 80 columns with {@code indent} before each continued line; on
   * one line when wide, for tools that read a line each.
   */
  private static String prose(String sentence, String indent, boolean wide) {
    if (wide || sentence.length() <= 80) {
      return sentence + "\n";
    }
    int lead = sentence.length() - sentence.stripLeading().length();
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(sentence.substring(0, lead));
    boolean lineHasWord = false;
    for (String word : sentence.substring(lead).split(" +", 0)) {
      if (lineHasWord && line.length() + 1 + word.length() > 80) {
        out.append(line).append('\n');
        line = new StringBuilder(indent);
        lineHasWord = false;
      }
      line.append(lineHasWord ? " " : "").append(word);
      lineHasWord = true;
    }
    return out.append(line).append('\n').toString();
  }

  /** A line of free text under a table row: whole when wide, else cut to 80 columns. */
  private static String fit(String line, boolean wide) {
    return wide || line.length() <= 80 ? line : line.substring(0, 79) + "…";
  }

  /** A DNS-1123 name for a volume at {@code path}: /var/lib/nginx becomes var-lib-nginx. */
  static String volumeName(String path) {
    String name =
        path.replaceAll("^/+", "")
            .replaceAll("[^A-Za-z0-9]+", "-")
            .toLowerCase(Locale.ROOT)
            .replaceAll("^-|-$", "");
    return name.isEmpty() ? "root" : name;
  }

  private static String orUnset(String value) {
    return value.isEmpty() ? "unset" : value;
  }
}
