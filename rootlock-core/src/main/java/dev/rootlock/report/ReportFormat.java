package dev.rootlock.report;

import java.util.Locale;
import java.util.function.Function;

/** The output formats of {@code rootlock scan --format}, each with its reporter. */
public enum ReportFormat {
  /** One line per finding and input error, then a summary line; for people at a terminal. */
  TEXT(TextReporter::new),
  /** rootlock's own stable JSON document (docs/json-output.md). */
  JSON(context -> new JsonReporter()),
  /** SARIF 2.1.0, for code-scanning dashboards. */
  SARIF(SarifReporter::new),
  /** JUnit XML, one test suite per input file, for CI test-report views. */
  JUNIT(context -> new JUnitXmlReporter());

  @SuppressWarnings("ImmutableEnumChecker") // stateless constructor references
  private final Function<ReportContext, Reporter> factory;

  ReportFormat(Function<ReportContext, Reporter> factory) {
    this.factory = factory;
  }

  /** The reporter for this format, configured by {@code context}. */
  public Reporter reporter(ReportContext context) {
    return factory.apply(context);
  }

  /** Parses a format name as written on the command line: {@code text}, {@code json}, ... */
  public static ReportFormat parse(String text) {
    for (ReportFormat format : values()) {
      if (format.toString().equals(text)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "invalid format \"" + text + "\": must be one of text, json, sarif, junit");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
