package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.pod.Capabilities;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.SeccompProfile;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.testing.ContainerDraft;
import dev.rootlock.testing.PodDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link RestrictedChecks}: the whole restricted level through {@link
 * PodChecks#registry()}, with the minimal restricted pods the PSA fixtures are built from.
 */
class RestrictedChecksTest {

  private final CheckRegistry<Pod> registry = PodChecks.registry();

  @Test
  void registersEveryCheckInPsaOrder() {
    assertThat(registry.definitions().stream().map(CheckDefinition::id))
        .containsExactly(
            "appArmorProfile",
            "capabilities_baseline",
            "hostNamespaces",
            "hostPathVolumes",
            "hostPorts",
            "hostProbesAndHostLifecycle",
            "privileged",
            "procMount",
            "seLinuxOptions",
            "seccompProfile_baseline",
            "sysctls",
            "windowsHostProcess",
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "procMount_restricted",
            "restrictedVolumes",
            "runAsNonRoot",
            "runAsUser",
            "seccompProfile_restricted",
            "misplacedReadOnlyRootFilesystem",
            "readOnlyRootFilesystem",
            "sensitiveHostPaths",
            "unboundedMemoryVolumes",
            "unknownField",
            "writableSystemPaths");
    assertThat(RestrictedChecks.all())
        .allMatch(check -> check.definition().level() == Level.RESTRICTED)
        .allMatch(check -> !check.definition().summary().isBlank());
  }

  @Test
  void theMinimalRestrictedPodOfEachVersionPasses() {
    for (int minor = 0; minor <= 37; minor++) {
      assertThat(registry.evaluate(restricted("v1." + minor), minimal(minor)).detail())
          .as("restricted:v1.%d", minor)
          .isEmpty();
    }
  }

  @Test
  void eachMinimalPodFailsWhereTheNextRequirementStarts() {
    assertThat(registry.evaluate(restricted("v1.8"), minimal(7)).detail())
        .isEqualTo(
            "allowPrivilegeEscalation != false (containers \"initcontainer1\", \"container1\""
                + " must set securityContext.allowPrivilegeEscalation=false)");
    assertThat(registry.evaluate(restricted("v1.19"), minimal(18)).detail())
        .isEqualTo(
            "seccompProfile (pod or containers \"initcontainer1\", \"container1\" must set"
                + " securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
    assertThat(registry.evaluate(restricted("v1.22"), minimal(21)).detail())
        .isEqualTo(
            "unrestricted capabilities (containers \"initcontainer1\", \"container1\" must set"
                + " securityContext.capabilities.drop=[\"ALL\"])");
  }

  @Test
  void theMinimalWindowsPodNeedsOnlyRunAsNonRootFromV125() {
    Pod windows = minimalWindows();
    assertThat(registry.evaluate(restricted("v1.25"), windows).detail()).isEmpty();
    assertThat(registry.evaluate(restricted("latest"), windows).detail()).isEmpty();
    assertThat(registry.evaluate(restricted("v1.24"), windows).reasons())
        .isEqualTo("allowPrivilegeEscalation != false, unrestricted capabilities, seccompProfile");
  }

  @Test
  void aHostPathVolumeIsReportedOnlyAsARestrictedVolumeType() {
    Pod pod = pod(p -> edit(p, 37).volume("h", "hostPath"));
    assertThat(registry.evaluate(restricted("latest"), pod).detail())
        .isEqualTo(
            "restricted volume types (volume \"h\" uses restricted volume type \"hostPath\")");
  }

  private static LevelVersion restricted(String version) {
    return LevelVersion.of(Level.RESTRICTED, PolicyVersion.parse(version));
  }

  /** The fixtures' minimal restricted pod for policy version {@code v1.<minor>}. */
  private static Pod minimal(int minor) {
    return pod(p -> edit(p, minor));
  }

  /** Turns {@code p} into the minimal restricted pod for {@code v1.<minor>}. */
  private static PodDraft edit(PodDraft p, int minor) {
    p.runAsNonRoot = true;
    if (minor >= 19) {
      p.seccompProfile = new SeccompProfile("RuntimeDefault", null);
    }
    p.initContainer("initcontainer1", c -> harden(c, minor));
    p.container("container1", c -> harden(c, minor));
    return p;
  }

  private static void harden(ContainerDraft container, int minor) {
    if (minor >= 8) {
      container.allowPrivilegeEscalation = false;
    }
    if (minor >= 22) {
      container.capabilities = new Capabilities(List.of(), List.of("ALL"));
    }
  }

  /** The fixtures' base_windows pod: the v1.0 restricted pod on Windows. */
  private static Pod minimalWindows() {
    return pod(
        p -> {
          edit(p, 0);
          p.osName = "windows";
        });
  }
}
