package dev.rootlock.kube;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.kube.decode.Unreadable;
import dev.rootlock.kube.readiness.NamespaceReadiness;
import dev.rootlock.kube.readiness.ReadinessReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReadinessReport} as JSON for tools: the same facts as {@link ReadinessText}, one
 * object per namespace, warnings word for word as the API server gives them.
 */
public final class ReadinessJson {

  private ReadinessJson() {}

  public static String render(ReadinessReport report) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("kind", "rootlock.readiness");
      g.writeNumberField("version", 1);
      g.writeStringField("policy", report.policy());
      g.writeArrayFieldStart("namespaces");
      for (NamespaceReadiness ns : report.namespaces()) {
        g.writeStartObject();
        g.writeStringField("namespace", ns.namespace());
        g.writeObjectFieldStart("labels");
        for (Map.Entry<String, String> label : ns.labels().entrySet()) {
          g.writeStringField(label.getKey(), label.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("pods", ns.pods());
        g.writeNumberField("rejected", ns.rejected());
        g.writeNumberField("exempt", ns.exempt());
        g.writeBooleanField("ready", ns.ready());
        strings(g, "warnings", ns.warnings());
        strings(g, "rollout", ns.rollout());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("unreadable");
      for (Unreadable each : report.unreadable()) {
        g.writeStartObject();
        if (each.namespace() == null) {
          g.writeNullField("namespace");
        } else {
          g.writeStringField("namespace", each.namespace());
        }
        g.writeStringField("resource", each.resource());
        g.writeStringField("message", each.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }
}
