package dev.rootlock.webhook.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

  private static LabelSelector expression(String key, String operator, String... values) {
    return new LabelSelectorBuilder()
        .addNewMatchExpression()
        .withKey(key)
        .withOperator(operator)
        .withValues(values)
        .endMatchExpression()
        .build();
  }

  @Test
  void anAbsentOrEmptySelectorMatchesEverything() {
    assertThat(LabelSelectors.matches(null, Map.of())).isTrue();
    assertThat(LabelSelectors.matches(new LabelSelector(), Map.of("a", "b"))).isTrue();
  }

  @Test
  void matchLabelsNeedEveryPair() {
    LabelSelector selector =
        new LabelSelectorBuilder().withMatchLabels(Map.of("a", "1", "b", "2")).build();

    assertThat(LabelSelectors.matches(selector, Map.of("a", "1", "b", "2", "c", "3"))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("a", "1"))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of("a", "1", "b", "3"))).isFalse();
  }

  @Test
  void inNeedsTheKeyWithOneOfTheValues() {
    LabelSelector selector = expression("tier", "In", "web", "api");

    assertThat(LabelSelectors.matches(selector, Map.of("tier", "api"))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("tier", "db"))).isFalse();
    assertThat(LabelSelectors.matches(selector, Map.of())).isFalse();
  }

  @Test
  void notInHoldsWhenTheKeyIsAbsent() {
    LabelSelector selector = expression("kubernetes.io/metadata.name", "NotIn", "kube-system");

    assertThat(LabelSelectors.matches(selector, Map.of())).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("kubernetes.io/metadata.name", "shop")))
        .isTrue();
    assertThat(
            LabelSelectors.matches(selector, Map.of("kubernetes.io/metadata.name", "kube-system")))
        .isFalse();
  }

  @Test
  void existsAndDoesNotExistLookAtTheKeyOnly() {
    assertThat(LabelSelectors.matches(expression("x", "Exists"), Map.of("x", ""))).isTrue();
    assertThat(LabelSelectors.matches(expression("x", "Exists"), Map.of("y", "1"))).isFalse();
    assertThat(LabelSelectors.matches(expression("x", "DoesNotExist"), Map.of("y", "1"))).isTrue();
    assertThat(LabelSelectors.matches(expression("x", "DoesNotExist"), Map.of("x", "1"))).isFalse();
  }

  @Test
  void expressionsAreAnded() {
    LabelSelector selector =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("a")
            .withOperator("Exists")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("b")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(LabelSelectors.matches(selector, Map.of("a", "1"))).isTrue();
    assertThat(LabelSelectors.matches(selector, Map.of("a", "1", "b", "1"))).isFalse();
  }

  @Test
  void refusesWhatTheApiServerRefuses() {
    assertThatThrownBy(() -> LabelSelectors.matches(expression("x", "In"), Map.of()))
        .hasMessage("In needs values (key x)");
    assertThatThrownBy(() -> LabelSelectors.matches(expression("x", "Exists", "1"), Map.of()))
        .hasMessage("Exists takes no values (key x)");
    assertThatThrownBy(() -> LabelSelectors.matches(expression("x", "Gt", "1"), Map.of()))
        .hasMessage("not a selector operator: Gt");
  }
}
