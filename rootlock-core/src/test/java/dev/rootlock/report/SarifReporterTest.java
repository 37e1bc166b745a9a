package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.failing;
import static dev.rootlock.report.ReportFixtures.ref;
import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Level;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.Position;
import dev.rootlock.model.ScanResult;
import dev.rootlock.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link SarifReporter}. */
class SarifReporterTest {

  private static final SarifReporter REPORTER = new SarifReporter(ReportFixtures.context(false));
  private static final SchemaValidator SCHEMA = SchemaValidator.sarif();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void sampleMatchesGolden() {
    Golden.assertMatches("report/golden/sample.sarif", render(REPORTER, ReportFixtures.sample()));
  }

  @Test
  void cleanScanMatchesGolden() {
    Golden.assertMatches("report/golden/clean.sarif", render(REPORTER, ReportFixtures.clean()));
  }

  @Test
  void sampleConformsToTheOfficialSarifSchema() {
    assertThat(SCHEMA.violations(render(REPORTER, ReportFixtures.sample()))).isEmpty();
  }

  @Test
  void cleanScanConformsToTheOfficialSarifSchema() {
    assertThat(SCHEMA.violations(render(REPORTER, ReportFixtures.clean()))).isEmpty();
  }

  @Test
  void liveObjectsConformToTheOfficialSarifSchema() {
    assertThat(SCHEMA.violations(render(REPORTER, live("cluster:prod")))).isEmpty();
  }

  @Test
  void officialSchemaRejectsALogThatBreaksIt() throws Exception {
    ObjectNode log = (ObjectNode) MAPPER.readTree(render(REPORTER, ReportFixtures.sample()));
    log.remove("version");
    JsonNode result = log.get("runs").get(0).get("results").get(0);
    ((ObjectNode) result.get("locations").get(0).get("physicalLocation").get("region"))
        .put("startLine", 0);
    ((ObjectNode) result).put("level", "fatal");
    assertThat(SCHEMA.violations(MAPPER.writeValueAsString(log)))
        .containsExactly(
            "$.runs[0].results[0].level: does not have a value in the enumeration [\"none\","
                + " \"note\", \"warning\", \"error\"]",
            "$.runs[0].results[0].locations[0].physicalLocation.region.startLine: must have a"
                + " minimum value of 1",
            "$: required property 'version' not found");
  }

  @Test
  void liveObjectsHaveOnlyALogicalLocation() throws Exception {
    JsonNode location =
        MAPPER.readTree(render(REPORTER, live("cluster:prod"))).at("/runs/0/results/0/locations/0");
    assertThat(location.has("physicalLocation")).isFalse();
    assertThat(location.at("/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("kube-system/pod/p");
  }

  @Test
  void standardInputHasOnlyALogicalLocation() throws Exception {
    JsonNode location =
        MAPPER.readTree(render(REPORTER, live("-"))).at("/runs/0/results/0/locations/0");
    assertThat(location.has("physicalLocation")).isFalse();
    assertThat(location.at("/logicalLocations/0/name").asText()).isEqualTo("pod/p");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "deploy/web.yaml        | deploy/web.yaml",
        "deploy/web app.yaml    | deploy/web%20app.yaml",
        "a:b.yaml               | a%3Ab.yaml",
        "100%.yaml              | 100%25.yaml",
        "pods/ünï.yaml          | pods/%C3%BCn%C3%AF.yaml",
        "../up/#x?.yaml         | ../up/%23x%3F.yaml",
        "/srv/k8s/app.yaml      | file:///srv/k8s/app.yaml",
        "k8s\\app.yaml          | k8s/app.yaml",
        "C:\\k8s\\app.yaml      | file:///C:/k8s/app.yaml",
      })
  void escapesPathsIntoUris(String file, String uri) {
    assertThat(SarifReporter.artifactUri(file)).isEqualTo(uri);
  }

  @Test
  void helpNamesEveryLevelThatEnforcesARule() {
    assertThat(SarifReporter.levelsFrom(Level.BASELINE))
        .isEqualTo("the baseline, restricted and hardened levels");
    assertThat(SarifReporter.levelsFrom(Level.RESTRICTED))
        .isEqualTo("the restricted and hardened levels");
    assertThat(SarifReporter.levelsFrom(Level.HARDENED)).isEqualTo("the hardened level");
  }

  @Test
  void leavesOutTheInformationUriWhenThereIsNone() throws Exception {
    ReportContext context = ReportContext.of("1.2.3", null, List.of(), false);
    JsonNode driver =
        MAPPER
            .readTree(render(new SarifReporter(context), ReportFixtures.clean()))
            .at("/runs/0/tool/driver");
    assertThat(driver.has("informationUri")).isFalse();
    assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
  }

  private static ScanResult live(String file) {
    ObjectRef pod = ref(file, 1, 1, 0, "v1", "Pod", "kube-system", "p");
    Finding finding =
        new Finding(
            pod,
            "privileged",
            "baseline",
            List.of("a"),
            "privileged",
            "container \"a\" must not set securityContext.privileged=true",
            FieldPath.of("spec", "containers").index(0).keys("securityContext", "privileged"),
            Position.START,
            List.of(
                new Finding.Located(FieldPath.of("spec", "containers").index(1), Position.START)));
    return new ScanResult(
        "baseline:latest", List.of(failing(pod, "violates", finding)), List.of(), Map.of());
  }
}
