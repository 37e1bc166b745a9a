package dev.rootlock.report;

import static dev.rootlock.policy.Messages.pluralize;

import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

/**
 * The terminal format: one compiler-style line per finding ({@code file:line:col
 * namespace/kind/name containers check: detail}, the namespace only when the object names one) and
 * per note, in input order, and under baseline and restricted the API server's message for each
 * object that fails, once; then one line per input error ({@code file:line:col: error: message});
 * then a summary line such as {@code 12 objects scanned, 3 violate hardened:latest (7 findings); 1
 * file could not be read; skipped: 4 Service, 2 ConfigMap}. Exempt findings do not count: they
 * follow, under {@code exempt:}, each with its reason and where the exemption is written; baseline
 * entries that no longer match follow under {@code stale baseline entries (fixed):}. Editors and
 * terminals turn the leading {@code file:line:col} into a link. ANSI colour is used only when the
 * context allows it; control characters from the input are always shown escaped.
 */
public final class TextReporter implements Reporter {

  private final Ansi ansi;
  private final Writer errors;

  public TextReporter(ReportContext context) {
    this(context, null);
  }

  /**
   * A reporter that writes the {@code error:} lines to {@code errors} (standard error, as a
   * compiler does) and the rest to the report's writer; null keeps them in the report.
   */
  public TextReporter(ReportContext context, Writer errors) {
    this.ansi = Ansi.of(context.colour());
    this.errors = errors;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Writer errorOut = errors == null ? out : errors;
    boolean psaLevel = isPsaLevel(result.policy());
    for (ObjectResult object : result.objects()) {
      for (Finding finding : object.failingFindings()) {
        out.write(TextLines.finding(finding, ansi) + "\n");
      }
      // Only Kubernetes objects have an API server's text; a container's or a Compose service's
      // message would only repeat the lines above.
      if (psaLevel && !object.allowed() && object.message().startsWith("violates PodSecurity ")) {
        out.write(TextLines.message(object.object(), object.message(), ansi) + "\n");
      }
      for (String note : object.notes()) {
        out.write(TextLines.note(object.object(), note, ansi) + "\n");
      }
    }
    if (result.exemptCount() > 0) {
      out.write(ansi.cyan("exempt:") + "\n");
      for (ObjectResult object : result.objects()) {
        for (Finding finding : object.exemptFindings()) {
          out.write("  " + TextLines.exempt(finding, ansi) + "\n");
        }
      }
    }
    if (!result.stale().isEmpty()) {
      out.write(ansi.cyan("stale baseline entries (fixed):") + "\n");
      for (dev.rootlock.model.Fingerprint stale : result.stale()) {
        out.write("  " + TextLines.safe(stale.toString()) + "\n");
      }
    }
    for (InputError error : result.errors()) {
      errorOut.write(TextLines.error(error, ansi) + "\n");
    }
    errorOut.flush();
    out.write(summary(result) + "\n");
    out.flush();
  }

  /**
   * Under PSA's own levels the object's message is the API server's text, worth reading whole;
   * under hardened, the lines above already say all of it.
   */
  private static boolean isPsaLevel(String policy) {
    return policy.startsWith("baseline:") || policy.startsWith("restricted:");
  }

  private String summary(ScanResult result) {
    ScanSummary summary = ScanSummary.of(result);
    String policy = TextLines.safe(result.policy());
    StringBuilder line = new StringBuilder();
    line.append(summary.objects())
        .append(pluralize(" object", " objects", summary.objects()))
        .append(" scanned, ");
    if (summary.violating() == 0) {
      line.append(ansi.green("none violate " + policy));
    } else {
      line.append(
          ansi.red(
              summary.violating()
                  + pluralize(" violates ", " violate ", summary.violating())
                  + policy
                  + " ("
                  + summary.findings()
                  + pluralize(" finding", " findings", summary.findings())
                  + ")"));
    }
    if (summary.exempt() > 0) {
      line.append("; ").append(summary.exempt()).append(" exempt");
    }
    if (!result.stale().isEmpty()) {
      line.append("; ")
          .append(result.stale().size())
          .append(
              pluralize(" stale baseline entry", " stale baseline entries", result.stale().size()));
    }
    if (summary.unreadableFiles() > 0) {
      line.append("; ")
          .append(
              ansi.red(
                  summary.unreadableFiles()
                      + pluralize(" file", " files", summary.unreadableFiles())
                      + " could not be read"));
    }
    if (!summary.skipped().isEmpty()) {
      line.append("; skipped: ")
          .append(
              summary.skipped().stream()
                  .map(kind -> kind.count() + " " + TextLines.safe(kind.kind()))
                  .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }
}
