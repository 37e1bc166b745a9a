package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.FixOptions;
import dev.rootlock.fix.yaml.TextEdit;
import dev.rootlock.source.kube.ManifestParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long YAML text is fixed a stretch of documents at a time to bound memory; the result must be
 * exactly what fixing the whole text at once gives: the same text, edits, notes and count, and the
 * same error when a document cannot be fixed.
 */
class ManifestPiecesTest {

  private static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-%d
      spec:
        containers:
          - name: app
            image: registry.example/app:1
            securitycontext:
              privileged: false
      """;

  private static final String ANCHORED =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: anchored-%d
      spec:
        containers:
          - &app
            name: app
            image: nginx:1.25
      """;

  private static final String CONFIG_MAP =
      """
      # a comment-only document follows
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings-%d
      data:
        key: value
      """;

  private static String manifest(int documents) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      String doc =
          switch (i % 3) {
            case 0 -> POD;
            case 1 -> ANCHORED;
            default -> CONFIG_MAP;
          };
      parts.add(doc.formatted(i));
    }
    return String.join("---\n", parts) + "---\n# trailing comment\n";
  }

  private static ManifestFixer whole() {
    return new ManifestFixer(Integer.MAX_VALUE);
  }

  private static ManifestFixer inPieces() {
    return new ManifestFixer(1000);
  }

  @Test
  void piecesGiveTheWholeTextsFix() {
    String text = manifest(40);
    assertThat(ManifestParser.separatorCuts(text, 1000)).hasSizeGreaterThan(5);

    TextFix expected = whole().fix("many.yaml", text, FixOptions.defaults());
    TextFix actual = inPieces().fix("many.yaml", text, FixOptions.defaults());

    assertThat(expected.error()).isNull();
    assertThat(actual.fixed()).isEqualTo(expected.fixed());
    assertThat(TextEdit.apply(text, actual.edits())).isEqualTo(expected.fixed());
    assertThat(actual.notes()).isEqualTo(expected.notes());
    assertThat(actual.hardened()).isEqualTo(expected.hardened()).isEqualTo(27);
  }

  @Test
  void aLayoutThatChangesAfterTheFirstPieceIsTheWholeTexts() {
    @SuppressWarnings("InlineFormatString") // named, the loop below reads as one line
    String wide =
        """
        apiVersion: v1
        kind: Pod
        metadata:
            name: wide-%d
        spec:
            containers:
                -   name: app
                    image: registry.example/app:1
        """;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      parts.add(i < 4 ? POD.formatted(i) : wide.formatted(i));
    }
    String text = String.join("---\n", parts);

    TextFix expected = whole().fix("mixed.yaml", text, FixOptions.defaults());
    TextFix actual = inPieces().fix("mixed.yaml", text, FixOptions.defaults());

    assertThat(expected.fixed()).contains("\n    securityContext:\n        seccompProfile:");
    assertThat(actual.fixed()).isEqualTo(expected.fixed());
    assertThat(actual.notes()).isEqualTo(expected.notes());
  }

  @Test
  void aBadDocumentInOnePieceGivesTheWholeTextsError() {
    String text = manifest(40).replace("name: settings-29", "name: [settings-29");

    TextFix expected = whole().fix("many.yaml", text, FixOptions.defaults());
    TextFix actual = inPieces().fix("many.yaml", text, FixOptions.defaults());

    assertThat(expected.error()).startsWith("cannot be read, left untouched: many.yaml:");
    assertThat(actual.error()).isEqualTo(expected.error());
    assertThat(actual.fixed()).isNull();
  }

  @Test
  void cutsFallOnSeparatorLinesAndCoverTheText() {
    String text = "a: 1\n---\nb: 2\n--- # two\nc: 3\n---\nd: 4\n";

    assertThat(ManifestParser.separatorCuts(text, 1)).containsExactly(0, 5, 14, 29, text.length());
    assertThat(ManifestParser.separatorCuts(text, 12)).containsExactly(0, 14, 29, text.length());
    assertThat(ManifestParser.separatorCuts(text, 1000)).containsExactly(0, text.length());
    assertThat(ManifestParser.separatedDocuments(text)).isEqualTo(4);
  }
}
