package dev.rootlock.docker.audit;

import dev.rootlock.model.Finding;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.text.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The text forms of an audit: the Docker counterpart of {@code kubectl get pods -o
 * custom-columns=...READONLY...}, one row per container, aligned as {@code docker ps} aligns
 * (columns padded to their widest cell plus three spaces, {@code <none>} for an empty cell), then
 * each failing check's detail and a summary line. The default table fits a terminal (NAME, IMAGE,
 * READONLY, CHECKS); {@code -f wide} adds every setting the checks look at.
 */
public final class ContainerAuditTable {

  static final List<String> HEADER =
      List.of(
          "NAME",
          "IMAGE",
          "READONLY",
          "USER",
          "PRIVILEGED",
          "CAPDROP",
          "NO-NEW-PRIVS",
          "SECCOMP",
          "WRITABLE MOUNTS",
          "FAILING CHECKS");

  static final List<String> NARROW_HEADER = List.of("NAME", "IMAGE", "READONLY", "CHECKS");

  private static final String NONE = Table.NONE;

  private ContainerAuditTable() {}

  /** The wide table: every column, then the findings and the summary. */
  public static String text(ContainerAuditReport report) {
    Table table = new Table(HEADER);
    for (AuditedContainer container : report.containers()) {
      table.add(row(container));
    }
    return withFindings(report, table);
  }

  /** The default table, a few columns that fit a terminal, then the findings and the summary. */
  public static String narrow(ContainerAuditReport report) {
    Table table = new Table(NARROW_HEADER);
    for (AuditedContainer container : report.containers()) {
      ContainerConfig config = container.config();
      table.add(
          config.name(),
          orNone(config.image()),
          Boolean.toString(Boolean.TRUE.equals(config.readOnly())),
          Table.firstAndCount(failing(container), NONE));
    }
    return withFindings(report, table);
  }

  private static String withFindings(ContainerAuditReport report, Table table) {
    StringBuilder out = new StringBuilder(table.render());
    List<Finding> findings = new ArrayList<>();
    report.containers().forEach(c -> findings.addAll(c.result().findings()));
    if (!findings.isEmpty()) {
      out.append('\n');
      for (Finding finding : findings) {
        String text = finding.detail().isEmpty() ? finding.reason() : finding.detail();
        out.append(safe(finding.check())).append(": ").append(safe(text));
        if (finding.isExempt()) {
          out.append(" (exempt: ")
              .append(safe(finding.exempt().reason()))
              .append(" [")
              .append(safe(finding.exempt().source()))
              .append("])");
        }
        out.append('\n');
      }
    }
    long exempt = findings.stream().filter(Finding::isExempt).count();
    return out.append(summary(report, (int) (findings.size() - exempt)))
        .append(exempt > 0 ? "; " + exempt + " exempt" : "")
        .append('\n')
        .toString();
  }

  private static List<String> failing(AuditedContainer container) {
    return container.result().findings().stream()
        .map(finding -> finding.isExempt() ? finding.check() + "(exempt)" : finding.check())
        .distinct()
        .toList();
  }

  static List<String> row(AuditedContainer container) {
    ContainerConfig config = container.config();
    List<String> failing = failing(container);
    return List.of(
        config.name(),
        orNone(config.image()),
        Boolean.toString(Boolean.TRUE.equals(config.readOnly())),
        orNone(config.user()),
        Boolean.toString(Boolean.TRUE.equals(config.privileged())),
        orNone(String.join(",", config.capDrop().stream().map(Capability::canonical).toList())),
        Boolean.toString(Boolean.TRUE.equals(config.securityOpts().noNewPrivileges())),
        seccomp(config),
        orNone(String.join(", ", writableMounts(config))),
        orNone(String.join(",", failing)));
  }

  /**
   * Docker's default profile unless told otherwise; a privileged container runs without one; a
   * profile given as a file reaches the engine as its JSON text, shown as {@code custom}.
   */
  static String seccomp(ContainerConfig config) {
    if (Boolean.TRUE.equals(config.privileged())) {
      return "unconfined";
    }
    String profile = config.securityOpts().seccompProfile();
    if (profile == null || profile.isEmpty()) {
      return "default";
    }
    return profile.strip().startsWith("{") ? "custom" : profile;
  }

  /**
   * {@code tmpfs:/tmp[size=64m]}, {@code volume:data:/var/lib/data}, {@code bind:/srv:/srv}: where
   * the container can still write, each tmpfs with its options as given.
   */
  static List<String> writableMounts(ContainerConfig config) {
    List<String> mounts = new ArrayList<>();
    for (TmpfsMount tmpfs : config.tmpfs()) {
      if (!tmpfs.readOnly()) {
        String options = String.join(",", tmpfs.options());
        mounts.add("tmpfs:" + tmpfs.target() + (options.isEmpty() ? "" : "[" + options + "]"));
      }
    }
    for (Mount mount : config.mounts()) {
      if (mount.writable()) {
        String kind = mount.type().name().toLowerCase(java.util.Locale.ROOT);
        String source = mount.source() == null ? "" : shortId(mount.source()) + ":";
        mounts.add(kind + ":" + source + mount.target());
      }
    }
    return mounts;
  }

  /** An anonymous volume's 64-hex name, cut to 12 characters as {@code docker ps} cuts ids. */
  private static String shortId(String name) {
    return name.matches("[0-9a-f]{64}") ? name.substring(0, 12) : name;
  }

  private static String summary(ContainerAuditReport report, int findings) {
    int count = report.containers().size();
    long violating = report.containers().stream().filter(c -> !c.result().allowed()).count();
    String audited = count + (count == 1 ? " container" : " containers") + " audited, ";
    if (violating == 0) {
      return audited + "none violate " + report.policy();
    }
    return audited
        + violating
        + (violating == 1 ? " violates " : " violate ")
        + report.policy()
        + " ("
        + findings
        + (findings == 1 ? " finding)" : " findings)");
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? NONE : value;
  }

  /** Control characters from the engine (a bind path may hold any byte) written as \\uXXXX. */
  static String safe(String text) {
    return Table.safe(text);
  }
}
