package dev.rootlock.cli;

import dev.rootlock.report.ReportFormat;

/** The {@code --format} of the audits: a narrow table, a wide one, or a scan report format. */
enum AuditFormat {
  text(ReportFormat.TEXT),
  wide(ReportFormat.TEXT),
  json(ReportFormat.JSON),
  sarif(ReportFormat.SARIF),
  junit(ReportFormat.JUNIT);

  private final ReportFormat report;

  AuditFormat(ReportFormat report) {
    this.report = report;
  }

  /** The scan report format; text and wide are tables the audit draws itself. */
  ReportFormat report() {
    return report;
  }

  boolean isTable() {
    return this == text || this == wide;
  }
}
