package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.WorkloadKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Map<String, Boolean> flags =
        Map.of("standalone", true, "certManager", false, "shadowPsa", true);
    Map<String, String> values =
        Map.of(
            "namespace",
            "n",
            "image",
            "i",
            "replicas",
            "2",
            "failurePolicy",
            "Fail",
            "caBundle",
            "Q==",
            "excludedNamespaces",
            "[]",
            "defaults",
            "{}",
            "exemptions",
            "{}",
            "workloadKindArgs",
            "",
            "workloadKindRules",
            "");
    for (String file : InstallTemplates.FILES) {
      String text = InstallTemplates.read(file);
      assertThat(InstallTemplates.expand(file, text, flags, values))
          .doesNotContain("${", "#if", "#end");
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

  @Test
  void aMalformedPlaceholderIsATemplateBugNotText() {
    assertThatThrownBy(
            () -> InstallTemplates.expand("t", "a: 1\nb: ${name-space}", Map.of(), Map.of()))
        .hasMessage("t:2: malformed placeholder: b: ${name-space}");
    assertThatThrownBy(
            () -> InstallTemplates.expand("t", "image: ${image", Map.of(), Map.of("image", "i")))
        .hasMessage("t:1: malformed placeholder: image: ${image");
    assertThatThrownBy(() -> InstallTemplates.toHelm("t", "x: ${namespace}-${}"))
        .hasMessage("t:1: malformed placeholder: x: ${namespace}-${}");
  }

  @Test
  void everyPlaceholderInEveryResourceIsFilledByBothConsumersAndNoValueIsUnused() {
    Set<String> placeholders = new TreeSet<>();
    Set<String> flags = new TreeSet<>();
    for (String file : InstallTemplates.FILES) {
      String text = InstallTemplates.read(file);
      Matcher placeholder = Pattern.compile("\\$\\{([^}\n]*)}").matcher(text);
      while (placeholder.find()) {
        placeholders.add(placeholder.group(1));
      }
      Matcher condition = Pattern.compile("(?m)^#if !?(\\S+)$").matcher(text);
      while (condition.find()) {
        flags.add(condition.group(1));
      }
    }
    ManifestOptions options = ManifestOptions.defaults();
    Set<String> helmValues = new TreeSet<>(InstallTemplates.HELM_VALUES.keySet());
    helmValues.addAll(InstallTemplates.HELM_BLOCKS.keySet());
    Set<String> helmFlags = new TreeSet<>(InstallTemplates.HELM_FLAGS.keySet());
    helmFlags.addAll(InstallTemplates.HELM_STATIC_FLAGS.keySet());

    assertThat(placeholders)
        .containsExactly(
            "caBundle",
            "defaults",
            "excludedNamespaces",
            "exemptions",
            "failurePolicy",
            "image",
            "namespace",
            "replicas",
            "workloadKindArgs",
            "workloadKindRules");
    assertThat(WebhookManifests.values(options).keySet())
        .containsExactlyInAnyOrderElementsOf(placeholders);
    assertThat(helmValues).containsExactlyInAnyOrderElementsOf(placeholders);
    assertThat(flags).containsExactly("certManager", "shadowPsa", "standalone");
    assertThat(WebhookManifests.flags(options).keySet()).containsExactlyInAnyOrderElementsOf(flags);
    assertThat(helmFlags).containsExactlyInAnyOrderElementsOf(flags);
  }

  @Test
  void noPlaceholderOrConditionIsLeftInTheManifestsWhateverTheOptions() {
    List<WorkloadKind> kinds = List.of(WorkloadKind.parse("Workflow.example.com=spec.template"));
    for (boolean certManager : new boolean[] {false, true}) {
      for (boolean shadowPsa : new boolean[] {false, true}) {
        for (String caBundle : new String[] {null, "QUJD"}) {
          for (List<WorkloadKind> workloadKinds : List.of(List.<WorkloadKind>of(), kinds)) {
            ManifestOptions options =
                ManifestOptions.defaults()
                    .withCertManager(certManager)
                    .withShadowPsa(shadowPsa)
                    .withCaBundle(caBundle)
                    .withWorkloadKinds(workloadKinds);

            assertThat(WebhookManifests.render(options))
                .as(options.toString())
                .doesNotContain("${", "#if", "#end");
          }
        }
      }
    }
  }
}
