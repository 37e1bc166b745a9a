package dev.rootlock.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Level;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.Position;
import dev.rootlock.model.ScanResult;
import dev.rootlock.policy.CheckDefinition;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0, one run. {@code tool.driver.rules} lists every check of the context; each finding is
 * a result at error level whose location is the offending field (1-based line and UTF-16 column,
 * which is what {@link Position} holds, declared by {@code columnKind}) and the object as a logical
 * location; further offending fields are related locations; input errors are tool execution
 * notifications of the run's one invocation. Written with jackson-core's streaming generator, not a
 * SARIF library: rootlock emits a small, fixed subset of the format.
 */
public final class SarifReporter implements Reporter {

  static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:/.*");

  private final ReportContext context;
  private final Map<String, Integer> ruleIndexes = new HashMap<>();

  public SarifReporter(ReportContext context) {
    this.context = context;
    for (int index = 0; index < context.rules().size(); index++) {
      ruleIndexes.put(context.rules().get(index).id(), index);
    }
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    JsonGenerator json = JsonOutput.generator(out);
    json.writeStartObject();
    json.writeStringField("$schema", SCHEMA_URI);
    json.writeStringField("version", "2.1.0");
    json.writeArrayFieldStart("runs");
    json.writeStartObject();
    writeTool(json);
    writeInvocation(json, result);
    json.writeStringField("columnKind", "utf16CodeUnits");
    json.writeArrayFieldStart("results");
    for (ObjectResult object : result.objects()) {
      for (Finding finding : object.findings()) {
        writeResult(json, finding);
      }
    }
    json.writeEndArray();
    json.writeObjectFieldStart("properties");
    json.writeStringField("policy", result.policy());
    json.writeObjectFieldStart("skipped");
    for (ScanSummary.SkippedKind kind : ScanSummary.of(result).skipped()) {
      json.writeNumberField(kind.kind(), kind.count());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    JsonOutput.finish(json, out);
  }

  private void writeTool(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "rootlock");
    json.writeStringField("version", context.toolVersion());
    if (context.informationUri() != null) {
      json.writeStringField("informationUri", context.informationUri());
    }
    json.writeArrayFieldStart("rules");
    for (CheckDefinition<?> rule : context.rules()) {
      writeRule(json, rule);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeRule(JsonGenerator json, CheckDefinition<?> rule) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", rule.id());
    json.writeStringField("name", ruleName(rule.id()));
    writeMessage(json, "shortDescription", rule.summary());
    writeMessage(json, "help", rule.summary() + " Enforced at " + levelsFrom(rule.level()) + ".");
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", "error");
    json.writeEndObject();
    json.writeObjectFieldStart("properties");
    json.writeStringField("level", rule.level().toString());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** {@code readOnlyRootFilesystem} becomes {@code ReadOnlyRootFilesystem}, SARIF's rule name. */
  static String ruleName(String id) {
    return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  /** {@code the restricted and hardened levels}: every level that includes a check. */
  static String levelsFrom(Level level) {
    List<String> names = new ArrayList<>();
    for (Level each : Level.values()) {
      if (each != Level.PRIVILEGED && each.atLeast(level)) {
        names.add(each.toString());
      }
    }
    if (names.size() == 1) {
      return "the " + names.get(0) + " level";
    }
    return "the "
        + String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1)
        + " levels";
  }

  private static void writeInvocation(JsonGenerator json, ScanResult result) throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", result.errors().isEmpty());
    json.writeNumberField("exitCode", result.exitCode());
    if (!result.errors().isEmpty()) {
      json.writeArrayFieldStart("toolExecutionNotifications");
      for (InputError error : result.errors()) {
        json.writeStartObject();
        json.writeStringField("level", "error");
        writeMessage(json, "message", error.message());
        if (isFile(error.file())) {
          json.writeArrayFieldStart("locations");
          json.writeStartObject();
          writePhysicalLocation(json, error.file(), error.position());
          json.writeEndObject();
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.writeEndArray();
  }

  private void writeResult(JsonGenerator json, Finding finding) throws IOException {
    ObjectRef object = finding.object();
    String file = object.source().file();
    json.writeStartObject();
    json.writeStringField("ruleId", finding.check());
    Integer ruleIndex = ruleIndexes.get(finding.check());
    if (ruleIndex != null) {
      json.writeNumberField("ruleIndex", ruleIndex);
    }
    json.writeStringField("level", "error");
    String text =
        finding.detail().isEmpty()
            ? finding.reason()
            : finding.reason() + " (" + finding.detail() + ")";
    writeMessage(json, "message", text);
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    if (isFile(file)) {
      writePhysicalLocation(json, finding.positionFile(), finding.position());
    }
    writeLogicalLocation(json, object);
    writePathMessage(json, finding.path());
    json.writeEndObject();
    json.writeEndArray();
    if (isFile(file) && !finding.otherPaths().isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      int id = 1;
      for (Finding.Located other : finding.otherPaths()) {
        json.writeStartObject();
        json.writeNumberField("id", id++);
        writePhysicalLocation(json, other.fileOr(file), other.position());
        writePathMessage(json, other.path());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (finding.isExempt()) {
      writeSuppression(json, finding.exempt());
    }
    json.writeObjectFieldStart("properties");
    json.writeArrayFieldStart("containers");
    for (String container : finding.containers()) {
      json.writeString(container);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * An exempt finding as SARIF reads it: a result with an accepted suppression, {@code inSource}
   * when the exemption is written in the object (an annotation, {@code x-rootlock}, a Dockerfile
   * comment), {@code external} when it is in a config file or a baseline. Viewers hide it by
   * default and show the justification.
   */
  private static void writeSuppression(JsonGenerator json, dev.rootlock.model.Exempt exempt)
      throws IOException {
    json.writeArrayFieldStart("suppressions");
    json.writeStartObject();
    json.writeStringField("kind", exempt.writtenInObject() ? "inSource" : "external");
    json.writeStringField("status", "accepted");
    json.writeStringField("justification", exempt.reason());
    json.writeObjectFieldStart("properties");
    json.writeStringField("source", exempt.source());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writePhysicalLocation(JsonGenerator json, String file, Position position)
      throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", artifactUri(file));
    json.writeEndObject();
    if (position != null) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", position.line());
      json.writeNumberField("startColumn", position.column());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** {@code deployment/web}, fully qualified as {@code prod/deployment/web} when namespaced. */
  private static void writeLogicalLocation(JsonGenerator json, ObjectRef object)
      throws IOException {
    json.writeArrayFieldStart("logicalLocations");
    json.writeStartObject();
    json.writeStringField("name", object.displayName());
    if (object.namespace() != null) {
      json.writeStringField("fullyQualifiedName", object.namespace() + "/" + object.displayName());
    }
    json.writeStringField("kind", "resource");
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void writePathMessage(JsonGenerator json, FieldPath path) throws IOException {
    if (!path.isRoot()) {
      writeMessage(json, "message", path.toString());
    }
  }

  private static void writeMessage(JsonGenerator json, String field, String text)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  /**
   * Whether {@code file} names a file: not standard input ({@code -}) and not a live object's
   * {@code cluster:} or {@code docker:} pseudo-name (see {@code SourceRef}); those results carry
   * only a logical location.
   */
  static boolean isFile(String file) {
    return !file.equals("-") && !file.startsWith("cluster:") && !file.startsWith("docker:");
  }

  /**
   * The path as the user gave it, as a URI reference: backslashes become slashes, every byte
   * outside RFC 3986's unreserved set and {@code /} is percent-encoded (so {@code a:b.yaml} cannot
   * read as a scheme), and an absolute path becomes a {@code file:} URI.
   */
  static String artifactUri(String file) {
    String path = file.replace('\\', '/');
    String prefix = "";
    if (path.startsWith("/")) {
      prefix = "file://";
    } else if (WINDOWS_DRIVE.matcher(path).matches()) {
      prefix = "file:///" + path.substring(0, 2);
      path = path.substring(2);
    }
    StringBuilder uri = new StringBuilder(prefix);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c) || c == '/') {
        uri.append((char) c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        uri.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return uri.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
