package dev.rootlock.report;

import static dev.rootlock.report.JsonOutput.lineAndColumn;
import static dev.rootlock.report.JsonOutput.stringOrNull;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * rootlock's own JSON document: {@code schemaVersion}, {@code policy}, {@code objects}, {@code
 * findings} (flat, each pointing back at its object by index), {@code errors}, {@code skipped} and
 * {@code summary}. The schema is documented in {@code docs/json-output.md} and pinned by {@code
 * docs/schema/scan-result.schema.json}; fields are only ever added, and a removal or change of
 * meaning bumps {@link #SCHEMA_VERSION}.
 */
public final class JsonReporter implements Reporter {

  /** The version of the document's shape, written as {@code schemaVersion}. */
  public static final int SCHEMA_VERSION = 1;

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    JsonGenerator json = JsonOutput.generator(out);
    json.writeStartObject();
    json.writeNumberField("schemaVersion", SCHEMA_VERSION);
    json.writeStringField("policy", result.policy());
    writeObjects(json, result.objects());
    writeFindings(json, result.objects());
    writeErrors(json, result.errors());
    if (!result.stale().isEmpty()) {
      writeStale(json, result.stale());
    }
    ScanSummary summary = ScanSummary.of(result);
    json.writeObjectFieldStart("skipped");
    for (ScanSummary.SkippedKind kind : summary.skipped()) {
      json.writeNumberField(kind.kind(), kind.count());
    }
    json.writeEndObject();
    writeSummary(json, summary, result.exitCode());
    json.writeEndObject();
    JsonOutput.finish(json, out);
  }

  private static void writeObjects(JsonGenerator json, List<ObjectResult> objects)
      throws IOException {
    json.writeArrayFieldStart("objects");
    for (ObjectResult object : objects) {
      ObjectRef ref = object.object();
      json.writeStartObject();
      json.writeStringField("file", ref.source().file());
      lineAndColumn(json, ref.source().position());
      stringOrNull(json, "apiVersion", ref.apiVersion());
      writeIdentity(json, ref);
      json.writeBooleanField("allowed", object.allowed());
      json.writeStringField("message", object.message());
      json.writeArrayFieldStart("notes");
      for (String note : object.notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeFindings(JsonGenerator json, List<ObjectResult> objects)
      throws IOException {
    json.writeArrayFieldStart("findings");
    for (int index = 0; index < objects.size(); index++) {
      for (Finding finding : objects.get(index).findings()) {
        ObjectRef ref = finding.object();
        json.writeStartObject();
        json.writeNumberField("object", index);
        json.writeStringField("file", finding.positionFile());
        lineAndColumn(json, finding.position());
        writeIdentity(json, ref);
        json.writeArrayFieldStart("containers");
        for (String container : finding.containers()) {
          json.writeString(container);
        }
        json.writeEndArray();
        json.writeStringField("check", finding.check());
        json.writeStringField("level", finding.level());
        json.writeStringField("reason", finding.reason());
        json.writeStringField("detail", finding.detail());
        json.writeStringField("path", finding.path().toString());
        json.writeArrayFieldStart("otherPaths");
        for (Finding.Located other : finding.otherPaths()) {
          json.writeStartObject();
          json.writeStringField("path", other.path().toString());
          if (other.file() != null) {
            json.writeStringField("file", other.file());
          }
          lineAndColumn(json, other.position());
          json.writeEndObject();
        }
        json.writeEndArray();
        if (finding.isExempt()) {
          json.writeObjectFieldStart("exempt");
          json.writeStringField("reason", finding.exempt().reason());
          json.writeStringField("source", finding.exempt().source());
          json.writeEndObject();
        }
        json.writeEndObject();
      }
    }
    json.writeEndArray();
  }

  private static void writeIdentity(JsonGenerator json, ObjectRef ref) throws IOException {
    json.writeStringField("kind", ref.kind());
    stringOrNull(json, "namespace", ref.namespace());
    stringOrNull(json, "name", ref.name());
  }

  private static void writeErrors(JsonGenerator json, List<InputError> errors) throws IOException {
    json.writeArrayFieldStart("errors");
    for (InputError error : errors) {
      json.writeStartObject();
      json.writeStringField("file", error.file());
      lineAndColumn(json, error.position());
      json.writeStringField("message", error.message());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** Baseline entries no finding matched: fixed since the baseline was written. */
  private static void writeStale(JsonGenerator json, List<dev.rootlock.model.Fingerprint> stale)
      throws IOException {
    json.writeArrayFieldStart("staleBaseline");
    for (dev.rootlock.model.Fingerprint print : stale) {
      json.writeStartObject();
      json.writeStringField("file", print.file());
      json.writeStringField("kind", print.kind());
      json.writeStringField("namespace", print.namespace());
      json.writeStringField("name", print.name());
      json.writeStringField("container", print.container());
      json.writeStringField("check", print.check());
      json.writeStringField("path", print.path());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeSummary(JsonGenerator json, ScanSummary summary, int exitCode)
      throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeNumberField("objects", summary.objects());
    json.writeNumberField("violating", summary.violating());
    json.writeNumberField("findings", summary.findings());
    if (summary.exempt() > 0) {
      json.writeNumberField("exempt", summary.exempt());
    }
    json.writeNumberField("errors", summary.errors());
    json.writeNumberField("unreadableFiles", summary.unreadableFiles());
    json.writeNumberField("skipped", summary.skippedObjects());
    json.writeNumberField("exitCode", exitCode);
    json.writeEndObject();
  }
}
