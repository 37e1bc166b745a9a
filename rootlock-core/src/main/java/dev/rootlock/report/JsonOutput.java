package dev.rootlock.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.rootlock.model.Position;
import java.io.IOException;
import java.io.Writer;

/**
 * Streaming JSON for the JSON and SARIF formats: two-space indentation, {@code "key": value},
 * {@code []} and {@code {}} when empty, {@code \n} line ends on every platform. Streaming keeps
 * jackson-databind (and its start-up cost) off the scan path.
 */
final class JsonOutput {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

  private JsonOutput() {}

  /** A pretty-printing generator over {@code out} that leaves {@code out} open when closed. */
  static JsonGenerator generator(Writer out) throws IOException {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);
    return FACTORY.createGenerator(out).setPrettyPrinter(printer);
  }

  /** Ends the document with a newline and flushes; the writer stays open. */
  static void finish(JsonGenerator json, Writer out) throws IOException {
    json.close();
    out.write("\n");
    out.flush();
  }

  /** A string field, or JSON {@code null} when {@code value} is null. */
  static void stringOrNull(JsonGenerator json, String name, String value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }

  /** {@code "line"} and {@code "column"} fields, both {@code null} when there is no position. */
  static void lineAndColumn(JsonGenerator json, Position position) throws IOException {
    if (position == null) {
      json.writeNullField("line");
      json.writeNullField("column");
    } else {
      json.writeNumberField("line", position.line());
      json.writeNumberField("column", position.column());
    }
  }
}
