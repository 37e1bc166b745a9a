package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.Decision;
import org.junit.jupiter.api.Test;

/** Tests for {@link BaselineChecks}: the whole baseline level through a registry. */
class BaselineChecksTest {

  private final CheckRegistry<Pod> registry = CheckRegistry.of(BaselineChecks.all());

  @Test
  void holdsEveryBaselineCheckInPsaOrder() {
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
            "windowsHostProcess");
    assertThat(registry.definitions()).allMatch(definition -> definition.level() == Level.BASELINE);
    assertThat(registry.definitions()).allMatch(definition -> !definition.summary().isBlank());
  }

  @Test
  void latestMeansTheSysctlsChangeOfV137() {
    assertThat(registry.maxVersion()).isEqualTo(PolicyVersion.v1(37));
  }

  @Test
  void mixedExampleAtBaselineLatest() {
    Pod pod =
        pod(
            p -> {
              p.hostNetwork = true;
              p.container("a", c -> c.hostPort(8080, 8080).hostPort(443, 443));
              p.container(
                  "b",
                  c -> {
                    c.privileged = true;
                    c.add("NET_ADMIN", "SYS_TIME");
                  });
              p.volume("h", "hostPath");
            });

    Decision decision = registry.evaluate(LevelVersion.parse("baseline:latest"), pod);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.detail())
        .isEqualTo(
            "non-default capabilities (container \"b\" must not include \"NET_ADMIN\", "
                + "\"SYS_TIME\" in securityContext.capabilities.add), "
                + "host namespaces (hostNetwork=true), "
                + "hostPath volumes (volume \"h\"), "
                + "hostPort (container \"a\" uses hostPorts 443, 8080), "
                + "privileged (container \"b\" must not set securityContext.privileged=true)");
    assertThat(decision.reasons())
        .isEqualTo(
            "non-default capabilities, host namespaces, hostPath volumes, hostPort, privileged");
  }

  @Test
  void aMinimalPodPassesAtEveryVersion() {
    Pod pod = pod(p -> p.initContainer("initcontainer1", c -> {}).container("container1"));
    for (int minor = 0; minor <= 37; minor++) {
      LevelVersion levelVersion = LevelVersion.of(Level.BASELINE, PolicyVersion.v1(minor));
      assertThat(registry.evaluate(levelVersion, pod).allowed()).as("%s", levelVersion).isTrue();
    }
  }
}
