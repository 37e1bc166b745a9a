package dev.rootlock.report;

import static dev.rootlock.report.XmlWriter.attr;

import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.ScanResult;
import dev.rootlock.report.XmlWriter.Attribute;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML for CI test-report views: one {@code <testsuite>} per input file, in the order files
 * first appear, named after the file; one {@code <testcase name="kind/name" classname="file">} per
 * object, with a {@code <failure>} when it violates (the object's whole message as {@code message},
 * its finding lines as the body) and its notes as {@code <system-out>}; an object whose findings
 * are all exempt is {@code <skipped>} with their reasons (exempt findings of a failing object join
 * its {@code <system-out>}); one {@code <testcase>} per input error, named {@code file:line:col}
 * (or {@code file}), with an {@code <error>}. Skipped kinds have no test cases: nothing was tested.
 */
public final class JUnitXmlReporter implements Reporter {

  /** What one input file contributed. */
  private record Suite(String file, List<ObjectResult> objects, List<InputError> errors) {}

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, Suite> suites = new LinkedHashMap<>();
    for (ObjectResult object : result.objects()) {
      suite(suites, object.object().source().file()).objects().add(object);
    }
    for (InputError error : result.errors()) {
      suite(suites, error.file()).errors().add(error);
    }
    ScanSummary summary = ScanSummary.of(result);
    XmlWriter xml = new XmlWriter(out);
    xml.declaration();
    xml.start(
        "testsuites",
        attr("name", "rootlock " + result.policy()),
        attr("tests", summary.objects() + summary.errors()),
        attr("failures", summary.violating()),
        attr("errors", summary.errors()));
    for (Suite suite : suites.values()) {
      writeSuite(xml, suite, result.policy());
    }
    xml.end("testsuites");
    out.flush();
  }

  /** An object that passes only because its findings are exempt: nothing was really tested. */
  private static boolean skipped(ObjectResult object) {
    return object.allowed() && !object.exemptFindings().isEmpty();
  }

  private static String exemptLines(ObjectResult object) {
    return object.exemptFindings().stream()
        .map(finding -> TextLines.exempt(finding, Ansi.OFF))
        .collect(Collectors.joining("\n"));
  }

  private static Suite suite(Map<String, Suite> suites, String file) {
    return suites.computeIfAbsent(file, f -> new Suite(f, new ArrayList<>(), new ArrayList<>()));
  }

  private static void writeSuite(XmlWriter xml, Suite suite, String policy) throws IOException {
    xml.start(
        "testsuite",
        attr("name", suite.file()),
        attr("tests", suite.objects().size() + suite.errors().size()),
        attr("failures", suite.objects().stream().filter(object -> !object.allowed()).count()),
        attr("errors", suite.errors().size()),
        attr("skipped", suite.objects().stream().filter(JUnitXmlReporter::skipped).count()));
    for (ObjectResult object : suite.objects()) {
      Attribute name = attr("name", object.object().displayName());
      Attribute classname = attr("classname", suite.file());
      if (object.allowed() && object.notes().isEmpty() && object.exemptFindings().isEmpty()) {
        xml.empty("testcase", name, classname);
        continue;
      }
      xml.start("testcase", name, classname);
      if (!object.allowed()) {
        String message = object.message().isEmpty() ? "violates " + policy : object.message();
        String body =
            object.failingFindings().stream()
                .map(finding -> TextLines.finding(finding, Ansi.OFF))
                .collect(Collectors.joining("\n"));
        xml.element("failure", body, attr("message", message), attr("type", policy));
      } else if (skipped(object)) {
        String reasons =
            object.exemptFindings().stream()
                .map(finding -> finding.check() + ": " + finding.exempt().reason())
                .distinct()
                .collect(Collectors.joining("; "));
        xml.element("skipped", exemptLines(object), attr("message", "exempt: " + reasons));
      }
      List<String> out = new ArrayList<>();
      for (String note : object.notes()) {
        out.add(TextLines.note(object.object(), note, Ansi.OFF));
      }
      if (!object.allowed() && !object.exemptFindings().isEmpty()) {
        out.add(exemptLines(object));
      }
      if (!out.isEmpty()) {
        xml.element("system-out", String.join("\n", out));
      }
      xml.end("testcase");
    }
    for (InputError error : suite.errors()) {
      String name = error.position() == null ? error.file() : error.file() + ":" + error.position();
      xml.start("testcase", attr("name", name), attr("classname", suite.file()));
      xml.element(
          "error",
          TextLines.error(error, Ansi.OFF),
          attr("message", error.message()),
          attr("type", "input"));
      xml.end("testcase");
    }
    xml.end("testsuite");
  }
}
