package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.testing.Golden;
import org.junit.jupiter.api.Test;

/** Tests for {@link JsonReporter}. */
class JsonReporterTest {

  private static final JsonReporter REPORTER = new JsonReporter();
  private static final SchemaValidator SCHEMA = SchemaValidator.scanResult();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void sampleMatchesGolden() {
    Golden.assertMatches("report/golden/sample.json", render(REPORTER, ReportFixtures.sample()));
  }

  @Test
  void cleanScanMatchesGolden() {
    Golden.assertMatches("report/golden/clean.json", render(REPORTER, ReportFixtures.clean()));
  }

  @Test
  void sampleConformsToTheDocumentedSchema() {
    assertThat(SCHEMA.violations(render(REPORTER, ReportFixtures.sample()))).isEmpty();
  }

  @Test
  void cleanScanConformsToTheDocumentedSchema() {
    assertThat(SCHEMA.violations(render(REPORTER, ReportFixtures.clean()))).isEmpty();
  }

  @Test
  void schemaRejectsADocumentThatBreaksIt() throws Exception {
    ObjectNode document = (ObjectNode) MAPPER.readTree(render(REPORTER, ReportFixtures.sample()));
    ((ObjectNode) document.get("findings").get(0)).remove("check");
    ((ObjectNode) document.get("errors").get(0)).put("line", 0);
    document.put("surprise", true);
    assertThat(SCHEMA.violations(MAPPER.writeValueAsString(document)))
        .containsExactly(
            "$.errors[0].line: integer found, null expected",
            "$.errors[0].line: must be valid to one and only one schema, but 0 are valid",
            "$.errors[0].line: must have a minimum value of 1",
            "$.findings[0]: required property 'check' not found",
            "$: property 'surprise' is not defined in the schema and the schema does not allow"
                + " additional properties");
  }

  @Test
  void writesNullLineAndColumnForAnErrorWithoutPosition() throws Exception {
    JsonNode errors = MAPPER.readTree(render(REPORTER, ReportFixtures.sample())).get("errors");
    assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
    assertThat(errors.get(0).get("column").asInt()).isEqualTo(7);
    assertThat(errors.get(1).get("line").isNull()).isTrue();
    assertThat(errors.get(1).get("column").isNull()).isTrue();
  }

  @Test
  void pointsEachFindingBackAtItsObject() throws Exception {
    JsonNode document = MAPPER.readTree(render(REPORTER, ReportFixtures.sample()));
    for (JsonNode finding : document.get("findings")) {
      JsonNode object = document.get("objects").get(finding.get("object").asInt());
      assertThat(object.get("name")).isEqualTo(finding.get("name"));
      assertThat(object.get("file")).isEqualTo(finding.get("file"));
      assertThat(object.get("allowed").asBoolean()).isFalse();
    }
  }
}
