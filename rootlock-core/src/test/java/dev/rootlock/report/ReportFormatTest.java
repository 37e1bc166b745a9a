package dev.rootlock.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.Level;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReportFormat} and {@link ReportContext}. */
class ReportFormatTest {

  private static final ReportContext CONTEXT = ReportFixtures.context(false);

  @Test
  void parsesTheNamesItPrints() {
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(ReportFormat.parse(format.toString())).isSameAs(format);
    }
    assertThat(ReportFormat.JUNIT.toString()).isEqualTo("junit");
  }

  @Test
  void rejectsUnknownNamesWithTheChoices() {
    assertThatThrownBy(() -> ReportFormat.parse("JSON"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid format \"JSON\": must be one of text, json, sarif, junit");
  }

  @Test
  void buildsOneReporterPerFormat() {
    assertThat(ReportFormat.TEXT.reporter(CONTEXT)).isInstanceOf(TextReporter.class);
    assertThat(ReportFormat.JSON.reporter(CONTEXT)).isInstanceOf(JsonReporter.class);
    assertThat(ReportFormat.SARIF.reporter(CONTEXT)).isInstanceOf(SarifReporter.class);
    assertThat(ReportFormat.JUNIT.reporter(CONTEXT)).isInstanceOf(JUnitXmlReporter.class);
  }

  @Test
  void contextKeepsTheFirstRuleOfEachId() {
    CheckDefinition<String> first = rule("a", "first");
    CheckDefinition<Integer> again = rule("a", "second");
    CheckDefinition<String> other = rule("b", "other");
    ReportContext context = ReportContext.of("1", null, List.of(first, again, other), false);
    assertThat(context.rules()).containsExactly(first, other);
  }

  @Test
  void contextRejectsARelativeInformationUri() {
    assertThatThrownBy(() -> ReportContext.of("1", "rootlock.example", List.of(), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("informationUri must be absolute: rootlock.example");
  }

  private static <T> CheckDefinition<T> rule(String id, String summary) {
    return CheckDefinition.of(
        id, Level.RESTRICTED, summary, VersionedCheck.since(0, subject -> CheckResult.ALLOWED));
  }
}
