package dev.rootlock.docker.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.docker.verify.VerifyReport.DrillAttempt;
import dev.rootlock.docker.verify.VerifyReport.WritableMount;
import dev.rootlock.text.Table;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Renders a {@link VerifyReport} as text for people or as JSON for tools. */
public final class VerifyOutput {

  private VerifyOutput() {}

  /** The text report with its tables narrow enough for a terminal. */
  public static String text(VerifyReport r) {
    return text(r, false);
  }

  /**
   * The text report: the process's facts, the writable mounts and the drill as tables. They fit 80
   * columns (mount flags as NOEXEC and NOSUID, drill attempts without their output); {@code wide}
   * gives each mount's options and each attempt's output whole.
   */
  public static String text(VerifyReport r, boolean wide) {
    StringBuilder out = new StringBuilder();
    ProcessFacts p = r.process();
    out.append("rootlock docker verify ")
        .append(r.name())
        .append(" (")
        .append(r.image())
        .append(", via ")
        .append(r.source().equals("proc") ? "host /proc" : "Engine API")
        .append(")\n");
    out.append("  root file system   ")
        .append(r.rootReadOnly() ? "read-only" : "WRITABLE")
        .append('\n');
    out.append("  uid                ").append(orUnknown(p.uid())).append('\n');
    out.append("  CapEff             ")
        .append(p.capEff() == null ? "unknown" : String.format(Locale.ROOT, "%016x", p.capEff()))
        .append('\n');
    out.append("  NoNewPrivs         ").append(orUnknown(p.noNewPrivs())).append('\n');
    out.append("  Seccomp            ")
        .append(
            p.seccomp() == null
                ? "unknown"
                : p.seccomp() == 2 ? "2 (filter)" : p.seccomp() == 0 ? "0 (off)" : p.seccomp())
        .append('\n');
    out.append("  writable mounts\n");
    Table mounts =
        new Table(
            wide
                ? List.of("PATH", "TYPE", "OPTIONS", "NOTE")
                : List.of("PATH", "TYPE", "NOEXEC", "NOSUID", "NOTE"));
    for (WritableMount m : r.writableMounts()) {
      String note =
          m.runtime()
              ? "runtime"
              : Boolean.FALSE.equals(m.userCanWrite())
                  ? "NOT writable by the container's user"
                  : "-";
      if (wide) {
        mounts.add(m.path(), m.type(), m.options(), note);
      } else {
        List<String> options = List.of(m.options().split(","));
        mounts.add(
            m.path(),
            m.type(),
            yesNo(options.contains("noexec")),
            yesNo(options.contains("nosuid")),
            note);
      }
    }
    if (!r.writableMounts().isEmpty()) {
      out.append(indented(mounts.render(), "    "));
    }
    if (r.drillRequested()) {
      out.append("  drill\n");
      if (!r.drillSkipped().isEmpty()) {
        out.append("    skipped: ").append(r.drillSkipped()).append('\n');
      }
      Table drill =
          new Table(wide ? List.of("RESULT", "ATTEMPT", "DETAIL") : List.of("RESULT", "ATTEMPT"));
      for (DrillAttempt a : r.drill()) {
        String result = a.blocked() ? "blocked" : "NOT BLOCKED";
        String attempt = a.action() + " " + a.target();
        if (wide) {
          drill.add(result, attempt, a.detail());
        } else {
          drill.add(result, attempt);
        }
      }
      if (!r.drill().isEmpty()) {
        out.append(indented(drill.render(), "    "));
      }
    }
    r.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
    r.problems().forEach(w -> out.append("  PROBLEM: ").append(w).append('\n'));
    out.append(
        r.protectionHolds()
            ? "Protection holds.\n"
            : "Protection does NOT hold: " + r.problems().size() + " problem(s).\n");
    return out.toString();
  }

  public static String json(VerifyReport r) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("kind", "rootlock.verify");
      g.writeNumberField("version", 1);
      g.writeStringField("container", r.containerId());
      g.writeStringField("name", r.name());
      g.writeStringField("image", r.image());
      g.writeStringField("source", r.source());
      g.writeBooleanField("rootReadOnly", r.rootReadOnly());
      g.writeBooleanField("protectionHolds", r.protectionHolds());
      ProcessFacts p = r.process();
      g.writeObjectFieldStart("process");
      number(g, "uid", p.uid());
      if (p.capEff() == null) {
        g.writeNullField("capEff");
      } else {
        g.writeStringField("capEff", String.format(Locale.ROOT, "%016x", p.capEff()));
      }
      if (p.noNewPrivs() == null) {
        g.writeNullField("noNewPrivs");
      } else {
        g.writeBooleanField("noNewPrivs", p.noNewPrivs());
      }
      number(g, "seccomp", p.seccomp() == null ? null : Long.valueOf(p.seccomp()));
      g.writeEndObject();
      g.writeArrayFieldStart("writableMounts");
      for (WritableMount m : r.writableMounts()) {
        g.writeStartObject();
        g.writeStringField("path", m.path());
        g.writeStringField("type", m.type());
        g.writeStringField("options", m.options());
        if (m.userCanWrite() == null) {
          g.writeNullField("userCanWrite");
        } else {
          g.writeBooleanField("userCanWrite", m.userCanWrite());
        }
        g.writeBooleanField("runtime", m.runtime());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("drill");
      for (DrillAttempt a : r.drill()) {
        g.writeStartObject();
        g.writeStringField("action", a.action());
        g.writeStringField("target", a.target());
        g.writeBooleanField("blocked", a.blocked());
        g.writeStringField("detail", a.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("drillSkipped", r.drillSkipped());
      strings(g, "problems", r.problems());
      strings(g, "warnings", r.warnings());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String indented(String text, String prefix) {
    StringBuilder out = new StringBuilder();
    text.lines().forEach(line -> out.append(prefix).append(line).append('\n'));
    return out.toString();
  }

  private static String orUnknown(Object value) {
    return value == null ? "unknown" : value.toString();
  }
}
