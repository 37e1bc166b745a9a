package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.testing.ContainerDraft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code hardened} level as a whole: rootlock's checks on top of PSA's. Written against
 * whatever baseline and restricted checks exist, so it holds while those lists grow.
 */
class HardenedLevelTest {

  private static final CheckRegistry<Pod> REGISTRY = CheckRegistry.of(allChecks());

  private static List<Check<Pod>> allChecks() {
    List<Check<Pod>> all = new ArrayList<>();
    all.addAll(BaselineChecks.all());
    all.addAll(RestrictedChecks.all());
    all.addAll(HardenedChecks.all());
    return all;
  }

  /** Passes every PSA restricted check; the caller adds what it wants to fail. */
  private static void restrictedCompliant(ContainerDraft container) {
    container.allowPrivilegeEscalation = false;
    container.capabilities = new Capabilities(List.of(), List.of("ALL"));
    container.runAsNonRoot = true;
    container.seccompProfile = new SeccompProfile("RuntimeDefault", null);
  }

  @Test
  void hardenedChecksComeAfterPsaChecksSortedById() {
    List<CheckDefinition<Pod>> definitions = REGISTRY.definitions();
    int firstHardened = 0;
    while (definitions.get(firstHardened).level() != Level.HARDENED) {
      firstHardened++;
    }
    assertThat(definitions.subList(0, firstHardened))
        .extracting(CheckDefinition::level)
        .isSubsetOf(Level.BASELINE, Level.RESTRICTED)
        .isSorted();
    assertThat(definitions.subList(0, firstHardened))
        .extracting(CheckDefinition::id)
        .contains(PrivilegedCheck.ID);
    assertThat(definitions.subList(firstHardened, definitions.size()))
        .extracting(CheckDefinition::id)
        .containsExactly(
            "misplacedReadOnlyRootFilesystem",
            "readOnlyRootFilesystem",
            "sensitiveHostPaths",
            "unboundedMemoryVolumes",
            "unknownField",
            "writableSystemPaths");
  }

  @Test
  void hardenedChecksAreValidAndInForceFromV1_0() {
    List<CheckDefinition<Pod>> hardened =
        HardenedChecks.all().stream().map(Check::definition).toList();
    assertThat(CheckRegistry.validate(hardened)).isEmpty();
    assertThat(hardened)
        .allSatisfy(
            definition -> {
              assertThat(definition.level()).isEqualTo(Level.HARDENED);
              assertThat(definition.versions()).hasSize(1);
              assertThat(definition.versions().get(0).minimumVersion())
                  .isEqualTo(PolicyVersion.v1(0));
              assertThat(definition.versions().get(0).overrides()).isEmpty();
            });
  }

  @Test
  void aHardenedViolationNamesRootlockPolicyAndListsPsaFailuresFirst() {
    Pod pod =
        pod(
            p ->
                p.container(
                    "app",
                    c -> {
                      restrictedCompliant(c);
                      c.privileged = true;
                    }));
    assertThat(REGISTRY.evaluate(LevelVersion.parse("hardened"), pod).violationMessage())
        .isEqualTo(
            "violates rootlock policy \"hardened:latest\": privileged (container \"app\" must not"
                + " set securityContext.privileged=true), readOnlyRootFilesystem != true (container"
                + " \"app\" must set securityContext.readOnlyRootFilesystem=true)");
    assertThat(REGISTRY.evaluate(LevelVersion.parse("hardened:v1.0"), pod).reasons())
        .isEqualTo("privileged, readOnlyRootFilesystem != true");
  }

  @Test
  void restrictedNeverAsksForAReadOnlyRoot() {
    Pod pod =
        pod(
            p ->
                p.container(
                    "app",
                    c -> {
                      restrictedCompliant(c);
                      c.privileged = true;
                    }));
    assertThat(REGISTRY.evaluate(LevelVersion.parse("restricted"), pod).violationMessage())
        .isEqualTo(
            "violates PodSecurity \"restricted:latest\": privileged (container \"app\" must not set"
                + " securityContext.privileged=true)");
  }

  @Test
  void aHardenedPodPasses() {
    Pod pod =
        pod(
            p ->
                p.emptyDir("tmp", "Memory", "64Mi")
                    .container(
                        "app",
                        c -> {
                          restrictedCompliant(c);
                          c.readOnlyRootFilesystem = true;
                          c.mount("tmp", "/tmp", null);
                        }));
    assertThat(REGISTRY.evaluate(LevelVersion.parse("hardened"), pod).allowed()).isTrue();
  }
}
