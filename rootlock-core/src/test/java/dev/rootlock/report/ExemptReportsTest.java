package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlock.model.Exempt;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Fingerprint;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import dev.rootlock.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exempt findings in every format: never dropped, shown with their reason and source, and not
 * counted against the exit code. The sample's first object keeps one failing finding and has one
 * exempt by the config file; its second object is exempt entirely, by an annotation; one baseline
 * entry is stale.
 */
class ExemptReportsTest {

  static ScanResult sampleWithExemptions() {
    ScanResult sample = ReportFixtures.sample();
    List<ObjectResult> objects = new ArrayList<>(sample.objects());
    ObjectResult first = objects.get(0);
    List<Finding> firstFindings = new ArrayList<>(first.findings());
    firstFindings.set(
        0,
        firstFindings.get(0).exempted(new Exempt("needs the host network", ".rootlock.yaml:9:5")));
    objects.set(
        0, new ObjectResult(first.object(), false, first.message(), firstFindings, first.notes()));
    int second = -1;
    for (int i = 1; i < objects.size(); i++) {
      if (!objects.get(i).findings().isEmpty()) {
        second = i;
        break;
      }
    }
    ObjectResult other = objects.get(second);
    List<Finding> exempt =
        other.findings().stream()
            .map(
                finding ->
                    finding.exempted(
                        new Exempt(
                            "vendor image; SEC-12",
                            "annotation rootlock.dev/exempt in spec.template.metadata")))
            .toList();
    objects.set(
        second, new ObjectResult(other.object(), true, other.message(), exempt, other.notes()));
    return new ScanResult(
        sample.policy(),
        objects,
        sample.errors(),
        sample.skippedKinds(),
        List.of(
            new Fingerprint(
                "deploy/old.yaml",
                "Deployment",
                "prod",
                "old",
                "app",
                "privileged",
                "spec.template.spec.containers[0].securityContext.privileged")));
  }

  @Test
  void textListsExemptFindingsInTheirOwnSection() {
    Golden.assertMatches(
        "report/golden/exempt.txt",
        render(new TextReporter(ReportFixtures.context(false)), sampleWithExemptions()));
  }

  @Test
  void jsonMarksEachExemptFindingWithReasonAndSource() throws Exception {
    String json = render(new JsonReporter(), sampleWithExemptions());
    Golden.assertMatches("report/golden/exempt.json", json);
    assertThat(SchemaValidator.scanResult().violations(json)).isEmpty();
    JsonNode first = new ObjectMapper().readTree(json).get("findings").get(0);
    assertThat(first.get("exempt").get("reason").asText()).isEqualTo("needs the host network");
    assertThat(first.get("exempt").get("source").asText()).isEqualTo(".rootlock.yaml:9:5");
  }

  @Test
  void sarifSuppressesExemptResultsAndStaysValid() throws Exception {
    String sarif = render(new SarifReporter(ReportFixtures.context(false)), sampleWithExemptions());
    Golden.assertMatches("report/golden/exempt.sarif", sarif);
    assertThat(SchemaValidator.sarif().violations(sarif)).isEmpty();
    JsonNode results = new ObjectMapper().readTree(sarif).at("/runs/0/results");
    JsonNode suppression = results.get(0).get("suppressions").get(0);
    assertThat(suppression.get("kind").asText()).isEqualTo("external");
    assertThat(suppression.get("justification").asText()).isEqualTo("needs the host network");
    assertThat(results.get(1).has("suppressions")).isFalse();
  }

  @Test
  void junitSkipsAnObjectWhoseFindingsAreAllExempt() {
    String xml = render(new JUnitXmlReporter(), sampleWithExemptions());
    Golden.assertMatches("report/golden/exempt.junit.xml", xml);
    assertThat(xml).contains("<skipped message=\"exempt: ");
  }

  @Test
  void exemptFindingsDoNotCountTowardsTheExitCode() {
    ScanResult result = sampleWithExemptions();
    assertThat(result.exitCode()).isEqualTo(ReportFixtures.sample().exitCode());
    assertThat(result.exemptCount()).isGreaterThan(1);
    assertThat(result.findingCount() + result.exemptCount())
        .isEqualTo(ReportFixtures.sample().findingCount());
  }
}
