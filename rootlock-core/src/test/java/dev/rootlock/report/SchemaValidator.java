package dev.rootlock.report;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * JSON Schema validation that never touches the network: schemas are read from the test classpath
 * or the repository, and any attempt to fetch anything else fails the test.
 */
final class SchemaValidator {

  /** The {@code $id} the official SARIF 2.1.0 schema declares; mapped to the bundled copy. */
  private static final String SARIF_ID =
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

  private final JsonSchema schema;

  private SchemaValidator(JsonSchema schema) {
    this.schema = schema;
  }

  /** The official SARIF 2.1.0 schema (draft-07), from {@code src/test/resources/sarif}. */
  static SchemaValidator sarif() {
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V7,
            builder ->
                builder
                    .schemaMappers(
                        mappers ->
                            mappers.mapPrefix(SARIF_ID, "classpath:sarif/sarif-schema-2.1.0.json"))
                    .schemaLoaders(loaders -> loaders.values(list -> list.add(0, offline()))));
    return new SchemaValidator(factory.getSchema(SchemaLocation.of(SARIF_ID)));
  }

  /** rootlock's own JSON output schema, {@code docs/schema/scan-result.schema.json}. */
  static SchemaValidator scanResult() {
    Path file =
        Path.of(System.getProperty("rootlock.repo"), "docs", "schema", "scan-result.schema.json");
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaLoaders(loaders -> loaders.values(list -> list.add(0, offline()))));
    return new SchemaValidator(
        factory.getSchema(SchemaLocation.of(file.toAbsolutePath().toUri().toString())));
  }

  /** rootlock's config file schema, {@code docs/schema/rootlock-config.schema.json}. */
  static SchemaValidator rootlockConfig() {
    Path file =
        Path.of(
            System.getProperty("rootlock.repo"), "docs", "schema", "rootlock-config.schema.json");
    JsonSchemaFactory factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder.schemaLoaders(loaders -> loaders.values(list -> list.add(0, offline()))));
    return new SchemaValidator(
        factory.getSchema(SchemaLocation.of(file.toAbsolutePath().toUri().toString())));
  }

  /** Refuses every IRI that is neither on the classpath nor a local file. */
  private static AllowSchemaLoader offline() {
    return new AllowSchemaLoader(
        (AbsoluteIri iri) -> {
          String text = iri.toString();
          return text.startsWith("classpath:") || text.startsWith("file:");
        });
  }

  /** Every violation of the schema by {@code json}, as text; empty when valid. */
  List<String> violations(String json) {
    return schema.validate(json, InputFormat.JSON).stream()
        .map(ValidationMessage::toString)
        .sorted()
        .toList();
  }
}
