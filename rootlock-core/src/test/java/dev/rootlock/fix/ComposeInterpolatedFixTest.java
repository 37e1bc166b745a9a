package dev.rootlock.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.fix.plan.FixOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code fix} never turns an interpolated Compose value into a literal: it changes the default
 * inside {@code ${VAR:-...}} and says so, or leaves the value and says what to set.
 */
class ComposeInterpolatedFixTest {

  private static final String HARDENED =
      "    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n    tmpfs: /tmp:size=64m\n";

  private static TextFix fix(String body, FixOptions options) {
    return ComposeFixer.fix(
        "compose.yaml", "services:\n  api:\n    image: example/api:1\n" + HARDENED + body, options);
  }

  @Test
  void aReadOnlyDefaultOfTrueIsLeftAlone() {
    TextFix fix =
        fix("    read_only: \"${RO:-true}\"\n    user: \"10001\"\n", FixOptions.defaults());
    assertThat(fix.error()).isNull();
    assertThat(fix.changed()).isFalse();
  }

  @Test
  void theUserDefaultIsChangedInsideTheReference() {
    TextFix fix =
        fix(
            "    read_only: true\n    user: \"${APP_UID:-0}\"\n",
            FixOptions.defaults().withUser("10001"));
    assertThat(fix.error()).isNull();
    assertThat(fix.fixed()).contains("    user: \"${APP_UID:-10001}\"\n");
    assertThat(fix.notes())
        .contains(
            "service \"api\": user is interpolated (\"${APP_UID:-0}\"): changed its default to"
                + " 10001; APP_UID, when set, still wins");
  }

  @Test
  void aReadOnlyDefaultOfFalseBecomesTrueInsideTheReference() {
    TextFix fix =
        fix(
            "    read_only: ${RO:-false}\n    user: \"10001\"\n",
            FixOptions.defaults().withOnly(java.util.Set.of("readOnly")));
    assertThat(fix.error()).isNull();
    assertThat(fix.fixed()).contains("    read_only: \"${RO:-true}\"\n");
  }

  @Test
  void aReferenceWithoutADefaultIsNotRewritten() {
    TextFix fix =
        fix(
            "    read_only: true\n    user: \"${APP_UID}\"\n",
            FixOptions.defaults().withUser("10001"));
    assertThat(fix.changed()).isFalse();
    assertThat(fix.notes())
        .contains(
            "service \"api\": user is interpolated (\"${APP_UID}\") and has no default to change;"
                + " set APP_UID=10001 in the project's .env, or edit it by hand");
  }
}
