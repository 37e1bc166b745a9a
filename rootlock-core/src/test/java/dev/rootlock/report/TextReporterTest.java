package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.failing;
import static dev.rootlock.report.ReportFixtures.passing;
import static dev.rootlock.report.ReportFixtures.ref;
import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.InputError;
import dev.rootlock.model.ObjectRef;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.Position;
import dev.rootlock.model.ScanResult;
import dev.rootlock.testing.Golden;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link TextReporter}. */
class TextReporterTest {

  private static final TextReporter PLAIN = new TextReporter(ReportFixtures.context(false));
  private static final TextReporter COLOUR = new TextReporter(ReportFixtures.context(true));

  @Test
  void sampleMatchesGolden() {
    Golden.assertMatches("report/golden/sample.txt", render(PLAIN, ReportFixtures.sample()));
  }

  @Test
  void sampleInColourMatchesGolden() {
    Golden.assertMatches(
        "report/golden/sample-colour.txt", render(COLOUR, ReportFixtures.sample()));
  }

  @Test
  void cleanScanIsOneSummaryLine() {
    assertThat(render(PLAIN, ReportFixtures.clean()))
        .isEqualTo("1 object scanned, none violate restricted:v1.30\n");
  }

  @Test
  void usesNoEscapeSequencesWithoutColour() {
    assertThat(render(PLAIN, ReportFixtures.sample())).doesNotContain("\u001B");
  }

  @Test
  void colourWrapsLocationCheckAndSummary() {
    assertThat(render(COLOUR, ReportFixtures.clean()))
        .isEqualTo("1 object scanned, \u001B[32mnone violate restricted:v1.30\u001B[0m\n");
  }

  @Test
  void underPsaLevelsTheApiServersMessageIsPrintedOncePerObject() {
    ObjectRef pod = ref("pods.yaml", 1, 1, 0, "v1", "Pod", "shop", "web");
    String message =
        "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false"
            + " (container \"a\" must set securityContext.allowPrivilegeEscalation=false)";
    ScanResult result =
        new ScanResult(
            "restricted:latest",
            List.of(
                failing(
                    pod,
                    message,
                    finding(pod, List.of("a"), "", "one"),
                    finding(pod, List.of("a"), "", "two"))),
            List.of(),
            Map.of());

    assertThat(render(PLAIN, result))
        .isEqualTo(
            """
            pods.yaml:4:9 shop/pod/web a check: one
            pods.yaml:4:9 shop/pod/web a check: two
            pods.yaml:1:1 shop/pod/web %s
            1 object scanned, 1 violates restricted:latest (2 findings)
            """
                .formatted(message));
  }

  @Test
  void summaryIsSingularForOne() {
    ObjectRef pod = ref("pod.yaml", 1, 1, 0, "v1", "Pod", null, "p");
    ScanResult result =
        new ScanResult(
            "restricted:latest",
            List.of(failing(pod, "violates", finding(pod, List.of("a"), "", "reason only"))),
            List.of(new InputError("pod.yaml", null, "a second document is binary")),
            Map.of("ConfigMap", 1));
    assertThat(render(PLAIN, result))
        .isEqualTo(
            """
            pod.yaml:4:9 pod/p a check: reason only
            pod.yaml: error: a second document is binary
            1 object scanned, 1 violates restricted:latest (1 finding); 1 file could not be read;\
             skipped: 1 ConfigMap
            """);
  }

  @Test
  void countsFilesNotErrorsAsUnreadable() {
    ScanResult result =
        new ScanResult(
            "baseline:latest",
            List.of(),
            List.of(
                new InputError("a.yaml", new Position(1, 2, 1), "bad"),
                new InputError("a.yaml", new Position(5, 1, 40), "worse"),
                new InputError("b.json", null, "unreadable")),
            Map.of());
    assertThat(render(PLAIN, result))
        .isEqualTo(
            """
            a.yaml:1:2: error: bad
            a.yaml:5:1: error: worse
            b.json: error: unreadable
            0 objects scanned, none violate baseline:latest; 2 files could not be read
            """);
  }

  @Test
  void marksPodLevelFindingsWithADash() {
    ObjectRef pod = ref("pod.yaml", 1, 1, 0, "v1", "Pod", null, "p");
    ScanResult result =
        new ScanResult(
            "baseline:latest",
            List.of(failing(pod, "m", finding(pod, List.of(), "hostPID=true", "host namespaces"))),
            List.of(),
            Map.of());
    assertThat(render(PLAIN, result)).startsWith("pod.yaml:4:9 pod/p - check: hostPID=true\n");
  }

  @Test
  void escapesControlAndBidiCharactersFromTheInput() {
    ObjectRef pod = ref("evil\u001B[2J.yaml", 1, 1, 0, "v1", "Pod", null, "a\u202Eb");
    ScanResult result =
        new ScanResult(
            "baseline:latest",
            List.of(failing(pod, "m", finding(pod, List.of("c\nd"), "x\ty", "r"))),
            List.of(),
            Map.of());
    assertThat(render(COLOUR, result))
        .startsWith(
            "\u001B[1mevil\\u001b[2J.yaml:4:9\u001B[0m pod/a\\u202eb c\\u000ad"
                + " \u001B[31mcheck:\u001B[0m x\\u0009y\n");
  }

  @Test
  void listsNotesAfterTheObjectsFindings() {
    ObjectRef pod = ref("pod.yaml", 2, 3, 10, "v1", "Pod", null, "p");
    ScanResult result =
        new ScanResult(
            "hardened:latest",
            List.of(
                new ObjectResult(pod, true, "", List.of(), List.of("VOLUME /data is writable")),
                passing(ref("pod.yaml", 9, 1, 80, "v1", "Pod", null, "q"))),
            List.of(),
            Map.of());
    assertThat(render(PLAIN, result))
        .isEqualTo(
            """
            pod.yaml:2:3 pod/p note: VOLUME /data is writable
            2 objects scanned, none violate hardened:latest
            """);
  }

  private static Finding finding(
      ObjectRef object, List<String> containers, String detail, String reason) {
    return new Finding(
        object,
        "check",
        "baseline",
        containers,
        reason,
        detail,
        FieldPath.of("spec", "x"),
        new Position(4, 9, 50),
        List.of());
  }
}
