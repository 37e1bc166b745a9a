package dev.rootlock.policy;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.policy.checks.PodChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link Decision}. */
class DecisionTest {

  private static final CheckOutcome HOST_NAMESPACES =
      failure("hostNamespaces", Level.BASELINE, "host namespaces", "hostNetwork=true");
  private static final CheckOutcome RUN_AS_USER =
      failure("runAsUser", Level.RESTRICTED, "runAsUser=0", "pod must not set runAsUser=0");
  private static final CheckOutcome NO_DETAIL = failure("x", Level.RESTRICTED, "bare reason", "");
  private static final CheckOutcome NO_REASON = failure("y", Level.RESTRICTED, "", "some detail");

  @Test
  void anEmptyDecisionAllows() {
    Decision decision = decision("restricted:latest");
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.detail()).isEmpty();
    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void detailedFormIsReasonWithDetailInParenthesesJoinedByCommas() {
    Decision decision = decision("restricted:latest", HOST_NAMESPACES, NO_DETAIL, RUN_AS_USER);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.detail())
        .isEqualTo(
            "host namespaces (hostNetwork=true), bare reason,"
                + " runAsUser=0 (pod must not set runAsUser=0)");
  }

  @Test
  void reasonOnlyFormJoinsTheReasons() {
    assertThat(decision("restricted:latest", HOST_NAMESPACES, NO_DETAIL, RUN_AS_USER).reasons())
        .isEqualTo("host namespaces, bare reason, runAsUser=0");
  }

  @Test
  void aFailureWithoutReasonIsAnUnknownForbiddenReason() {
    Decision decision = decision("restricted:latest", NO_REASON, NO_DETAIL);
    assertThat(decision.detail()).isEqualTo("unknown forbidden reason (some detail), bare reason");
    assertThat(decision.reasons()).isEqualTo("unknown forbidden reason, bare reason");
  }

  @Test
  void pspLevelsViolatePodSecurity() {
    assertThat(decision("restricted:latest", RUN_AS_USER).violationMessage())
        .isEqualTo(
            "violates PodSecurity \"restricted:latest\": runAsUser=0 (pod must not set"
                + " runAsUser=0)");
    assertThat(decision("baseline:v1.23", HOST_NAMESPACES).violationMessage())
        .isEqualTo("violates PodSecurity \"baseline:v1.23\": host namespaces (hostNetwork=true)");
  }

  @Test
  void hardenedViolatesRootlockPolicy() {
    assertThat(decision("hardened:latest", RUN_AS_USER).violationMessage())
        .isEqualTo(
            "violates rootlock policy \"hardened:latest\": runAsUser=0 (pod must not set"
                + " runAsUser=0)");
  }

  @Test
  void warningsSayWouldViolate() {
    assertThat(decision("restricted:latest", NO_DETAIL).warningMessage())
        .isEqualTo("would violate PodSecurity \"restricted:latest\": bare reason");
    assertThat(decision("hardened:v1.35", NO_DETAIL).warningMessage())
        .isEqualTo("would violate rootlock policy \"hardened:v1.35\": bare reason");
  }

  @Test
  void aBareNginxPodAtRestrictedLatestGetsKubernetesExactMessage() {
    Decision decision =
        PodChecks.registry()
            .evaluate(
                LevelVersion.parse("restricted:latest"),
                pod(
                    p -> {
                      p.name = "nginx";
                      p.container("nginx", c -> c.image = "nginx");
                    }));
    assertThat(decision.violationMessage())
        .isEqualTo(
            "violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false"
                + " (container \"nginx\" must set securityContext.allowPrivilegeEscalation=false),"
                + " unrestricted capabilities (container \"nginx\" must set"
                + " securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or"
                + " container \"nginx\" must set securityContext.runAsNonRoot=true),"
                + " seccompProfile (pod or container \"nginx\" must set"
                + " securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
  }

  private static Decision decision(String levelVersion, CheckOutcome... failures) {
    return new Decision(LevelVersion.parse(levelVersion), List.of(failures));
  }

  private static CheckOutcome failure(String id, Level level, String reason, String detail) {
    return new CheckOutcome(id, level, CheckResult.forbidden(reason, detail, List.of(), List.of()));
  }
}
