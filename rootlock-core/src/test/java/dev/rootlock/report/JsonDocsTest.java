package dev.rootlock.report;

import static dev.rootlock.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the examples in {@code docs/json-output.md} real: they must be what rootlock writes. */
class JsonDocsTest {

  private static final Path DOC =
      Path.of(System.getProperty("rootlock.repo"), "docs", "json-output.md");

  @Test
  void documentedJsonExampleIsTheReportersOutput() throws Exception {
    assertThat(firstBlock("json"))
        .isEqualTo(render(new JsonReporter(), ReportFixtures.docsExample()));
  }

  @Test
  void documentedTextExampleIsTheReportersOutput() throws Exception {
    assertThat(firstBlock("text"))
        .isEqualTo(
            render(new TextReporter(ReportFixtures.context(false)), ReportFixtures.docsExample()));
  }

  @Test
  void documentedJsonExampleConformsToTheSchema() throws Exception {
    assertThat(SchemaValidator.scanResult().violations(firstBlock("json"))).isEmpty();
  }

  private static String firstBlock(String language) throws Exception {
    Matcher block =
        Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(DOC, StandardCharsets.UTF_8));
    assertThat(block.find()).as("a ```%s block in %s", language, DOC).isTrue();
    return block.group(1);
  }
}
