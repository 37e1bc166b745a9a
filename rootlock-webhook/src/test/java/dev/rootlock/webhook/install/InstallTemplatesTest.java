package dev.rootlock.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InstallTemplatesTest {

  private static final String TEXT =
      "a: ${x}\n#if on\nb: 1\n#if !on\nc: 2\n#end\n#end\n#if !on\nd: 3\n#end\ne: ${x}-${x}";

  @Test
  void expandsValuesAndKeepsOnlyTheLinesWhoseFlagsHold() {
    assertThat(InstallTemplates.expand("t", TEXT, Map.of("on", true), Map.of("x", "$1")))
        .isEqualTo("a: $1\nb: 1\ne: $1-$1");
    assertThat(InstallTemplates.expand("t", TEXT, Map.of("on", false), Map.of("x", "v")))
        .isEqualTo("a: v\nd: 3\ne: v-v");
  }

  @Test
  void aTemplateBugNamesItsFileAndLine() {
    assertThatThrownBy(() -> InstallTemplates.expand("t", "a: ${y}", Map.of(), Map.of()))
        .hasMessage("t:1: no value y");
    assertThatThrownBy(() -> InstallTemplates.expand("t", "#if z\n#end", Map.of(), Map.of()))
        .hasMessage("t:1: no flag z");
    assertThatThrownBy(() -> InstallTemplates.expand("t", "#if on\n", Map.of("on", true), Map.of()))
        .hasMessage("t: #if without #end");
    assertThatThrownBy(() -> InstallTemplates.expand("t", "a\n#end", Map.of(), Map.of()))
        .hasMessage("t:2: #end without #if");
  }

  @Test
  void helmGetsGoTemplateConditionsAndExpressions() {
    String text =
        "#if standalone\nkind: Namespace\n#end\nname: ${namespace}\n#if !certManager\n"
            + "caBundle: ${caBundle}\n#end";

    assertThat(InstallTemplates.toHelm("t", text))
        .isEqualTo(
            "name: {{ .Release.Namespace }}\n{{- if not .Values.certManager.enabled }}\n"
                + "caBundle: {{ include \"rootlock.caBundle\" . }}\n{{- end }}");
  }

  @Test
  void everySourceFileExpandsForBothConsumers() {
    Map<String, Boolean> flags = Map.of("standalone", true, "certManager", false, "shadowPsa", true);
    Map<String, String> values =
        Map.of(
            "namespace", "n", "image", "i", "replicas", "2", "failurePolicy", "Fail",
            "caBundle", "Q==", "excludedNamespaces", "[]", "defaults", "{}", "exemptions", "{}",
            "workloadKindArgs", "", "workloadKindRules", "");
    for (String file : InstallTemplates.FILES) {
      String text = InstallTemplates.read(file);
      assertThat(InstallTemplates.expand(file, text, flags, values)).doesNotContain("${", "#if", "#end");
      assertThat(InstallTemplates.toHelm(file, text)).doesNotContain("${", "#if", "#end");
    }
  }

  @Test
  void aBlockIsIndentedLineByLineOrLeavesNoLineWhenEmpty() {
    String text = "args:\n  - serve\n  ${workloadKindArgs}\nports: []";

    assertThat(
            InstallTemplates.expand(
                "t", text, Map.of(), Map.of("workloadKindArgs", "- \"--a=1\"\n- \"--b=2\"\n")))
        .isEqualTo("args:\n  - serve\n  - \"--a=1\"\n  - \"--b=2\"\nports: []");
    assertThat(InstallTemplates.expand("t", text, Map.of(), Map.of("workloadKindArgs", "")))
        .isEqualTo("args:\n  - serve\nports: []");
    assertThat(InstallTemplates.toHelm("t", text))
        .isEqualTo(
            "args:\n  - serve\n{{- with (include \"rootlock.workloadKindArgs\" . | trim) }}"
                + "{{ nindent 2 . }}{{ end }}\nports: []");
  }
}
