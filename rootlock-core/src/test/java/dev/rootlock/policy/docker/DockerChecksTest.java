package dev.rootlock.policy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckOutcome;
import dev.rootlock.policy.CheckRegistry;
import dev.rootlock.policy.Decision;
import dev.rootlock.testing.ServiceDraft;
import org.junit.jupiter.api.Test;

/** Tests for {@link DockerChecks}: the lists form a valid registry with the intended plans. */
class DockerChecksTest {

  private static final ContainerConfig SEED_EXAMPLE =
      ServiceDraft.service(
          s -> {
            s.b.readOnly = true;
            s.tmpfs("/tmp:rw,noexec,nosuid,size=64m", "/run")
                .volume("api_data", "/app/data", false);
          });

  @Test
  void everyCheckValidates() {
    assertThat(
            CheckRegistry.validate(DockerChecks.all().stream().map(c -> c.definition()).toList()))
        .isEmpty();
  }

  @Test
  void listsChecksBaselineFirstEachLevelSortedById() {
    assertThat(DockerChecks.registry().definitions().stream().map(CheckDefinition::id))
        .containsExactly(
            "capabilities_baseline",
            "devices",
            "hostNamespaces",
            "privileged",
            "runtimeSocket",
            "securityOpt",
            "capabilities_restricted",
            "noNewPrivileges",
            "user",
            "bindMounts",
            "readOnly",
            "sensitiveHostPaths",
            "systemPathMounts",
            "tmpfs");
  }

  @Test
  void baselineAllowsTheSeedExample() {
    Decision decision =
        DockerChecks.registry().evaluate(LevelVersion.parse("baseline"), SEED_EXAMPLE);
    assertThat(decision.allowed()).isTrue();
  }

  @Test
  void hardenedReportsTheSeedExampleInPsaOrder() {
    Decision decision =
        DockerChecks.registry().evaluate(LevelVersion.parse("hardened"), SEED_EXAMPLE);
    assertThat(decision.failures().stream().map(CheckOutcome::id))
        .containsExactly("capabilities_restricted", "noNewPrivileges", "user", "tmpfs");
    assertThat(decision.detail())
        .isEqualTo(
            "unrestricted capabilities (service \"api\" must set cap_drop: [ALL]),"
                + " no-new-privileges != true (service \"api\" must set security_opt:"
                + " [no-new-privileges:true]), root user (service \"api\" must set user to a"
                + " non-root UID), unrestricted tmpfs (service \"api\" must set a size on tmpfs"
                + " \"/run\")");
  }

  @Test
  void restrictedReplacesTheBaselineCapabilityCheck() {
    ContainerConfig config =
        ServiceDraft.hardened(DockerDialect.COMPOSE, s -> s.capAdd("SYS_ADMIN"));
    assertThat(
            DockerChecks.registry()
                .evaluate(LevelVersion.parse("baseline"), config)
                .failures()
                .stream()
                .map(CheckOutcome::id))
        .containsExactly("capabilities_baseline");
    assertThat(
            DockerChecks.registry()
                .evaluate(LevelVersion.parse("restricted"), config)
                .failures()
                .stream()
                .map(CheckOutcome::id))
        .containsExactly("capabilities_restricted");
  }

  @Test
  void aHardenedServicePassesEveryLevel() {
    for (DockerDialect dialect : DockerDialect.values()) {
      ContainerConfig config = ServiceDraft.hardened(dialect, s -> s.capAdd("NET_BIND_SERVICE"));
      assertThat(DockerChecks.registry().evaluate(LevelVersion.parse("hardened"), config).allowed())
          .as(dialect.toString())
          .isTrue();
    }
  }
}
