package dev.rootlock.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.model.Fingerprint;
import dev.rootlock.model.Position;
import dev.rootlock.source.tree.JsonTreeReader;
import dev.rootlock.source.tree.MappingNode;
import dev.rootlock.source.tree.Node;
import dev.rootlock.source.tree.ScalarNode;
import dev.rootlock.source.tree.ScalarType;
import dev.rootlock.source.tree.SequenceNode;
import dev.rootlock.source.tree.TextPositions;
import dev.rootlock.source.tree.TreeException;
import dev.rootlock.source.tree.TreeLimits;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A baseline as JSON: {@code {"version": 1, "findings": [{"file", "kind", "namespace", "name",
 * "container", "check", "path"}, ...]}}, one finding per line so that diffs review well. Read
 * strictly, with the file, line and field of anything wrong.
 */
public final class BaselineFile {

  private static final Set<String> TOP_KEYS = Set.of("version", "tool", "findings");
  private static final List<String> FIELDS =
      List.of("file", "kind", "namespace", "name", "container", "check", "path");

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private BaselineFile() {}

  /** The baseline as text, ending with a newline. */
  public static String render(Baseline baseline) {
    StringWriter out = new StringWriter();
    try {
      out.write("{\n  \"version\": " + baseline.version() + ",\n  \"tool\": \"rootlock\",\n");
      out.write("  \"findings\": [");
      boolean first = true;
      for (Fingerprint print : baseline.entries()) {
        out.write(first ? "\n    " : ",\n    ");
        first = false;
        JsonGenerator json = FACTORY.createGenerator(out);
        json.writeStartObject();
        json.writeStringField("file", print.file());
        json.writeStringField("kind", print.kind());
        json.writeStringField("namespace", print.namespace());
        json.writeStringField("name", print.name());
        json.writeStringField("container", print.container());
        json.writeStringField("check", print.check());
        json.writeStringField("path", print.path());
        json.writeEndObject();
        json.close();
      }
      out.write(first ? "]\n}\n" : "\n  ]\n}\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A baseline file that cannot be used; the message is {@code file:line:col: field: what}. */
  public static final class Invalid extends Exception {
    Invalid(String file, Position at, String field, String message) {
      super(
          file
              + (at == null ? "" : ":" + at.line() + ":" + at.column())
              + ": "
              + (field.isEmpty() ? "" : field + ": ")
              + message);
    }
  }

  /** Parses {@code text}, the contents of {@code file}. */
  public static Baseline parse(String file, String text) throws Invalid {
    List<Node> documents = new ArrayList<>();
    try {
      new JsonTreeReader(TreeLimits.DEFAULT).readAll(text, new TextPositions(text), documents::add);
    } catch (TreeException e) {
      throw new Invalid(file, e.position(), "", e.getMessage());
    }
    if (documents.size() != 1 || !(documents.get(0) instanceof MappingNode root)) {
      throw new Invalid(file, null, "", "not a rootlock baseline: expected one JSON object");
    }
    for (MappingNode.Entry entry : root.entries()) {
      if (!TOP_KEYS.contains(entry.key())) {
        throw new Invalid(file, entry.keyNode().start(), entry.key(), "unknown key");
      }
    }
    Node version = root.get("version");
    if (!(version instanceof ScalarNode scalar) || scalar.type() != ScalarType.INTEGER) {
      throw new Invalid(
          file,
          version == null ? root.start() : startOf(version),
          "version",
          "required: an integer");
    }
    if (!scalar.value().equals(String.valueOf(Baseline.VERSION))) {
      throw new Invalid(
          file,
          scalar.start(),
          "version",
          "baseline version "
              + scalar.value()
              + " is not "
              + Baseline.VERSION
              + ", the version this rootlock reads; write it again with --write-baseline");
    }
    if (!(root.get("findings") instanceof SequenceNode findings)) {
      throw new Invalid(file, root.start(), "findings", "required: a list");
    }
    List<Fingerprint> entries = new ArrayList<>();
    for (int i = 0; i < findings.items().size(); i++) {
      String field = "findings[" + i + "]";
      if (!(findings.items().get(i) instanceof MappingNode item)) {
        throw new Invalid(file, startOf(findings.items().get(i)), field, "must be an object");
      }
      List<String> values = new ArrayList<>();
      for (MappingNode.Entry entry : item.entries()) {
        if (!FIELDS.contains(entry.key())) {
          throw new Invalid(
              file, entry.keyNode().start(), field + "." + entry.key(), "unknown key");
        }
      }
      for (String key : FIELDS) {
        Node value = item.get(key);
        if (!(value instanceof ScalarNode string) || string.type() != ScalarType.STRING) {
          throw new Invalid(
              file,
              value == null ? item.start() : startOf(value),
              field + "." + key,
              "required: a string");
        }
        values.add(string.value());
      }
      entries.add(
          new Fingerprint(
              values.get(0),
              values.get(1),
              values.get(2),
              values.get(3),
              values.get(4),
              values.get(5),
              values.get(6)));
    }
    return new Baseline(Baseline.VERSION, entries);
  }

  private static Position startOf(Node node) {
    return switch (node) {
      case MappingNode map -> map.start();
      case SequenceNode list -> list.start();
      case ScalarNode scalar -> scalar.start();
    };
  }
}
