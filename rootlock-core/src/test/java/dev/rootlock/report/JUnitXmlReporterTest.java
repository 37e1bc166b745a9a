package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.failing;
import static dev.rootlock.report.ReportFixtures.ref;
import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.Position;
import dev.rootlock.model.ScanResult;
import dev.rootlock.testing.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Tests for {@link JUnitXmlReporter}. */
class JUnitXmlReporterTest {

  private static final JUnitXmlReporter REPORTER = new JUnitXmlReporter();

  @Test
  void sampleMatchesGolden() {
    Golden.assertMatches(
        "report/golden/sample.junit.xml", render(REPORTER, ReportFixtures.sample()));
  }

  @Test
  void cleanScanMatchesGolden() {
    Golden.assertMatches("report/golden/clean.junit.xml", render(REPORTER, ReportFixtures.clean()));
  }

  @Test
  void sampleIsWellFormedWithOneSuitePerFile() throws Exception {
    Document document = parse(render(REPORTER, ReportFixtures.sample()));
    Element root = document.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("8");
    assertThat(root.getAttribute("failures")).isEqualTo("4");
    assertThat(root.getAttribute("errors")).isEqualTo("2");
    var suites = root.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(6);
    assertThat(((Element) suites.item(2)).getAttribute("name")).isEqualTo("pods/ünïcode.yaml");
    var cases = ((Element) suites.item(2)).getElementsByTagName("testcase");
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("pod/café");
  }

  @Test
  void escapesQuotesMarkupAndControlCharacters() throws Exception {
    ObjectRef pod = ref("a&b.yaml", 1, 1, 0, "v1", "Pod", null, "x\"<y>'");
    Finding finding =
        new Finding(
            pod,
            "check",
            "baseline",
            List.of("c"),
            "reason",
            "bell\u0007 and ]]> end",
            FieldPath.of("spec"),
            new Position(2, 3, 9),
            List.of());
    ScanResult result =
        new ScanResult(
            "baseline:latest",
            List.of(failing(pod, "says \"no\"\nnext line\ttab\u0001\uFFFF", finding)),
            List.of(new InputError("a&b.yaml", null, "nul\u0000 here")),
            Map.of());
    String xml = render(REPORTER, result);

    assertThat(xml)
        .contains(
            "<testcase name=\"pod/x&quot;&lt;y&gt;'\" classname=\"a&amp;b.yaml\">",
            "<failure message=\"says &quot;no&quot;&#10;next line&#9;tab\\u0001\\uffff\""
                + " type=\"baseline:latest\">a&amp;b.yaml:2:3 pod/x\"&lt;y&gt;' c check:"
                + " bell\\u0007 and ]]&gt; end</failure>",
            "<error message=\"nul\\u0000 here\" type=\"input\">a&amp;b.yaml: error: nul\\u0000"
                + " here</error>");
    Element failure = (Element) parse(xml).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("says \"no\"\nnext line\ttab\\u0001\\uffff");
    assertThat(failure.getTextContent())
        .isEqualTo("a&b.yaml:2:3 pod/x\"<y>' c check: bell\\u0007 and ]]> end");
  }

  @Test
  void keepsSurrogatePairsAndReplacesLoneSurrogates() {
    assertThat(XmlWriter.escape("☕ 😀 \uD800x", true)).isEqualTo("☕ 😀 \\ud800x");
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
