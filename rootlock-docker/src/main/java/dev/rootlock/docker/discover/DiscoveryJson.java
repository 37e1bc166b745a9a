package dev.rootlock.docker.discover;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.docker.FileChange;
import dev.rootlock.docker.discover.DiscoveryReport.RefusedPath;
import dev.rootlock.docker.discover.DiscoveryReport.Trial;
import dev.rootlock.docker.discover.DiscoveryReport.WritablePath;
import dev.rootlock.docker.trial.RefusedWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The machine-readable discover result that {@code rootlock fix --paths-from} reads; the format
 * (version 1) is documented in docs/discover-output.md. Field order is fixed.
 */
public final class DiscoveryJson {

  public static final int FORMAT_VERSION = 1;

  private DiscoveryJson() {}

  public static String write(DiscoveryReport r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("kind", "rootlock.discover");
      g.writeNumberField("version", FORMAT_VERSION);
      g.writeStringField("runId", r.runId());
      g.writeStringField("image", r.image());
      g.writeStringField("imageId", r.imageId());
      g.writeStringField("user", r.user());
      g.writeNumberField("uid", r.uid());
      g.writeNumberField("gid", r.gid());
      g.writeBooleanField("proven", r.proven());
      g.writeNumberField("provenByTrial", r.provenByTrial());
      g.writeArrayFieldStart("writablePaths");
      for (WritablePath p : r.proposals()) {
        g.writeStartObject();
        g.writeStringField("path", p.path());
        g.writeStringField("medium", p.medium().toString());
        g.writeStringField("tmpfsOptions", p.tmpfsOptions());
        g.writeNumberField("sizeMiB", p.sizeMib());
        strings(g, "evidence", p.evidence());
        g.writeStringField("note", p.note());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("refusedPaths");
      for (RefusedPath p : r.refusals()) {
        g.writeStartObject();
        g.writeStringField("path", p.path());
        strings(g, "evidence", p.evidence());
        g.writeStringField("reason", p.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "unproven", r.unproven());
      var s = r.staticFindings();
      g.writeObjectFieldStart("imageConfig");
      strings(g, "volumes", s.volumes());
      g.writeStringField("workingDir", s.workingDir());
      g.writeStringField("user", s.user());
      g.writeStringField("tmpdir", s.tmpdir());
      g.writeStringField("home", s.home());
      g.writeStringField("path", s.path());
      strings(g, "codeDirs", s.codeDirs());
      g.writeEndObject();
      g.writeObjectFieldStart("observation");
      g.writeArrayFieldStart("changes");
      for (FileChange c : r.observation().changes()) {
        g.writeString(c.kind().letter() + " " + c.path());
      }
      g.writeEndArray();
      g.writeBooleanField("stayedUp", r.observation().stayedUp());
      g.writeNumberField("exitCode", r.observation().exitCode());
      g.writeEndObject();
      g.writeArrayFieldStart("trials");
      for (Trial t : r.trials()) {
        g.writeStartObject();
        g.writeNumberField("number", t.number());
        g.writeObjectFieldStart("tmpfs");
        for (var e :
            t.tmpfs().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("purpose", t.purpose());
        g.writeStringField("dockerRun", t.spec().dockerRunLine());
        strings(g, "capAdd", t.capAdd());
        g.writeStringField("user", t.spec().user());
        g.writeBooleanField("stayedUp", t.stayedUp());
        g.writeNumberField("exitCode", t.exitCode());
        g.writeBooleanField("steady", t.steady());
        g.writeNumberField("elapsedMillis", t.elapsed().toMillis());
        g.writeArrayFieldStart("refusedWrites");
        for (RefusedWrite w : t.refusedWrites()) {
          g.writeStartObject();
          g.writeStringField("path", w.path());
          g.writeStringField("kind", w.kind().name());
          g.writeStringField("line", w.line());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("refusedOperations");
        for (var op : t.refusedOperations()) {
          g.writeStartObject();
          g.writeStringField("kind", op.kind().name());
          g.writeStringField("detail", op.detail());
          g.writeStringField("line", op.line());
          g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "added", t.added());
        strings(g, "notes", t.notes());
        g.writeBooleanField("passed", t.passed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("hardenings");
      for (var h : r.hardenings()) {
        g.writeStartObject();
        g.writeStringField("label", h.label());
        g.writeBooleanField("proven", h.proven());
        g.writeNumberField("provenByTrial", h.provenByTrial());
        g.writeStringField("why", h.why());
        g.writeStringField("user", h.spec().user());
        g.writeNumberField("uid", h.uid());
        g.writeNumberField("gid", h.gid());
        strings(g, "capAdd", h.spec().capAdd());
        g.writeStringField("dockerRun", h.spec().dockerRunLine());
        g.writeStringField("compose", h.spec().composeService("app"));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("wallTimeMillis", r.wallTime().toMillis());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out + "\n";
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
