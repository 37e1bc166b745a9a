package dev.rootlock.webhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.LevelVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyLabelsTest {

  private static final Policy DEFAULTS = Policy.ALL_PRIVILEGED;

  private static String summary(PolicyLabels.Resolved resolved) {
    Policy policy = resolved.policy();
    return "enforce=" + policy.enforce() + " audit=" + policy.audit() + " warn=" + policy.warn();
  }

  @Test
  void noLabelsKeepTheDefaults() {
    PolicyLabels.Resolved resolved = PolicyLabels.resolve(Map.of(), DEFAULTS);

    assertThat(summary(resolved))
        .isEqualTo("enforce=privileged:latest audit=privileged:latest warn=privileged:latest");
    assertThat(resolved.errors()).isEmpty();
  }

  @Test
  void eachLabelSetsItsMode() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "rootlock.dev/enforce", "baseline",
                "rootlock.dev/enforce-version", "v1.25",
                "rootlock.dev/audit", "hardened",
                "rootlock.dev/warn", "restricted",
                "rootlock.dev/warn-version", "v1.30"),
            DEFAULTS);

    assertThat(summary(resolved))
        .isEqualTo("enforce=baseline:v1.25 audit=hardened:latest warn=restricted:v1.30");
  }

  @Test
  void warnFollowsAStricterEnforceWithItsVersion() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of("rootlock.dev/enforce", "hardened", "rootlock.dev/enforce-version", "v1.30"),
            DEFAULTS);

    assertThat(summary(resolved))
        .isEqualTo("enforce=hardened:v1.30 audit=privileged:latest warn=hardened:v1.30");
  }

  @Test
  void warnFollowsEnforceButKeepsItsOwnVersionLabel() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "rootlock.dev/enforce", "restricted",
                "rootlock.dev/enforce-version", "v1.30",
                "rootlock.dev/warn-version", "v1.20"),
            DEFAULTS);

    assertThat(resolved.policy().warn()).isEqualTo(LevelVersion.parse("restricted:v1.20"));
  }

  @Test
  void warnWithItsOwnLevelLabelDoesNotFollowEnforce() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of("rootlock.dev/enforce", "hardened", "rootlock.dev/warn", "baseline"), DEFAULTS);

    assertThat(resolved.policy().warn()).isEqualTo(LevelVersion.parse("baseline:latest"));
  }

  @Test
  void warnDoesNotFollowALooserEnforce() {
    Policy defaults =
        new Policy(
            LevelVersion.parse("privileged:latest"),
            LevelVersion.parse("privileged:latest"),
            LevelVersion.parse("hardened:latest"));

    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(Map.of("rootlock.dev/enforce", "baseline"), defaults);

    assertThat(resolved.policy().warn()).isEqualTo(LevelVersion.parse("hardened:latest"));
  }

  @Test
  void invalidEnforceFailsClosedAndDoesNotDragWarnAlong() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(Map.of("rootlock.dev/enforce", "Restricted"), DEFAULTS);

    assertThat(summary(resolved))
        .isEqualTo("enforce=restricted:latest audit=privileged:latest warn=privileged:latest");
    assertThat(resolved.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "metadata.labels[rootlock.dev/enforce]: Invalid value: \"Restricted\": must be one of"
                + " privileged, baseline, restricted, hardened");
  }

  @Test
  void invalidAuditAndWarnFailOpenAndInvalidVersionsMeanLatest() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "rootlock.dev/warn-version", "1.25",
                "rootlock.dev/audit", "strict",
                "rootlock.dev/enforce-version", "v1.025",
                "rootlock.dev/enforce", "baseline",
                "rootlock.dev/warn", "none"),
            DEFAULTS);

    assertThat(summary(resolved))
        .isEqualTo("enforce=baseline:latest audit=privileged:latest warn=privileged:latest");
    assertThat(resolved.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "metadata.labels[rootlock.dev/enforce-version]: Invalid value: \"v1.025\": must be"
                + " \"latest\" or \"v1.x\"",
            "metadata.labels[rootlock.dev/audit]: Invalid value: \"strict\": must be one of"
                + " privileged, baseline, restricted, hardened",
            "metadata.labels[rootlock.dev/warn]: Invalid value: \"none\": must be one of"
                + " privileged, baseline, restricted, hardened",
            "metadata.labels[rootlock.dev/warn-version]: Invalid value: \"1.25\": must be"
                + " \"latest\" or \"v1.x\"");
  }

  @Test
  void podSecurityLabelsAreNotRootlocks() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(Map.of("pod-security.kubernetes.io/enforce", "restricted"), DEFAULTS);

    assertThat(resolved.policy()).isEqualTo(DEFAULTS);
    assertThat(resolved.enforceLabelled()).isFalse();
  }

  @Test
  void shadowingPsaReadsPsasLabelsAndVersionWhereRootlockHasNone() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "pod-security.kubernetes.io/enforce", "restricted",
                "pod-security.kubernetes.io/enforce-version", "v1.24",
                "pod-security.kubernetes.io/audit", "baseline"),
            DEFAULTS,
            true);

    assertThat(summary(resolved))
        .isEqualTo("enforce=restricted:v1.24 audit=baseline:latest warn=restricted:v1.24");
    assertThat(resolved.errors()).isEmpty();
    assertThat(resolved.enforceLabelled()).isTrue();
    assertThat(resolved.warnLabelled()).isFalse();
  }

  @Test
  void shadowingPsaRootlocksOwnLabelWinsModeByMode() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "rootlock.dev/enforce", "hardened",
                "pod-security.kubernetes.io/enforce", "baseline",
                "pod-security.kubernetes.io/enforce-version", "v1.24",
                "rootlock.dev/warn-version", "v1.30",
                "pod-security.kubernetes.io/warn", "privileged",
                "pod-security.kubernetes.io/audit", "restricted"),
            DEFAULTS,
            true);

    // enforce: rootlock's level, and not PSA's version (the pair is read from one prefix);
    // warn: rootlock has only a version, so PSA's warn level is not read; audit: PSA's.
    assertThat(summary(resolved))
        .isEqualTo("enforce=hardened:latest audit=restricted:latest warn=hardened:v1.30");
  }

  @Test
  void shadowingPsaTakesOnlyPsasLevelsAndNamesPsasLabelInErrors() {
    PolicyLabels.Resolved resolved =
        PolicyLabels.resolve(
            Map.of(
                "pod-security.kubernetes.io/enforce", "hardened",
                "pod-security.kubernetes.io/warn-version", "1.25"),
            DEFAULTS,
            true);

    assertThat(summary(resolved))
        .isEqualTo("enforce=restricted:latest audit=privileged:latest warn=privileged:latest");
    assertThat(resolved.errors())
        .extracting(FieldError::toString)
        .containsExactly(
            "metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: \"hardened\":"
                + " must be one of privileged, baseline, restricted",
            "metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: \"1.25\":"
                + " must be \"latest\" or \"v1.x\"");
  }
}
