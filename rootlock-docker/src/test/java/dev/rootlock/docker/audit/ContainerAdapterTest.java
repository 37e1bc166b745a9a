package dev.rootlock.docker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerDetails.MountPoint;
import dev.rootlock.docker.ContainerDetails.Namespaces;
import dev.rootlock.engine.Engine;
import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Finding;
import dev.rootlock.model.Locator;
import dev.rootlock.model.ObjectResult;
import dev.rootlock.model.SourceRef;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.SecurityOpt;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerAdapterTest {

  @Test
  void everyHardeningSettingReachesTheModelWithComposeShapedPaths() {
    ContainerDetails details =
        new ContainerDetails(
            "abc",
            "web",
            "nginx:1.27",
            true,
            7,
            0,
            "101:101",
            List.of("HOME=/root", "PATH=/opt/bin:/usr/bin"),
            true,
            false,
            List.of("NET_BIND_SERVICE", "SYS_ADMIN"),
            List.of("ALL"),
            List.of("no-new-privileges", "seccomp=unconfined"),
            Map.of("/tmp", "rw,noexec,nosuid,size=64m", "/run", "mode=1777,size=16m"),
            List.of(
                new MountPoint("bind", "/srv/conf", "/etc/nginx", false),
                new MountPoint("volume", "cache", "/var/cache/nginx", true)),
            new Namespaces("host", "host", "private", "", "host"),
            List.of("/dev/fuse:/dev/fuse:rwm"));

    ContainerConfig.Builder expected = ContainerConfig.builder(DockerDialect.ENGINE, "web");
    expected.image = "nginx:1.27";
    expected.readOnly = true;
    expected.user = "101:101";
    expected.privileged = false;
    expected.capAdd.add(new Capability("NET_BIND_SERVICE", FieldPath.of("cap_add").index(0)));
    expected.capAdd.add(new Capability("SYS_ADMIN", FieldPath.of("cap_add").index(1)));
    expected.capDrop.add(new Capability("ALL", FieldPath.of("cap_drop").index(0)));
    expected.securityOpts.add(
        SecurityOpt.parse("no-new-privileges", FieldPath.of("security_opt").index(0)));
    expected.securityOpts.add(
        SecurityOpt.parse("seccomp=unconfined", FieldPath.of("security_opt").index(1)));
    expected.tmpfs.add(TmpfsMount.parse("/run:mode=1777,size=16m", FieldPath.of("tmpfs").index(0)));
    expected.tmpfs.add(
        TmpfsMount.parse("/tmp:rw,noexec,nosuid,size=64m", FieldPath.of("tmpfs").index(1)));
    expected.mounts.add(
        new Mount(
            MountType.BIND, "/srv/conf", "/etc/nginx", true, FieldPath.of("volumes").index(0)));
    expected.mounts.add(
        new Mount(
            MountType.VOLUME,
            "cache",
            "/var/cache/nginx",
            false,
            FieldPath.of("volumes").index(1)));
    expected.networkMode = "host";
    expected.pid = "host";
    expected.ipc = "private";
    expected.usernsMode = "host";
    expected.devices.add(new Device("/dev/fuse:/dev/fuse:rwm", FieldPath.of("devices").index(0)));
    expected.pathEnv = "/opt/bin:/usr/bin";

    assertThat(ContainerAdapter.config(details)).isEqualTo(expected.build());
  }

  @Test
  void unsetValuesStayUnset() {
    ContainerConfig config = ContainerAdapter.config(Containers.plain("plain"));

    assertThat(config.user()).isNull();
    assertThat(config.uts()).isNull();
    assertThat(config.usernsMode()).isNull();
    assertThat(config.tmpfs()).isEmpty();
    assertThat(config.securityOpts().noNewPrivileges()).isNull();
  }

  @Test
  void aLiveContainerIsNamedDockerColonNameAndHasNoTextPositions() {
    DockerObject object = ContainerAdapter.object(Containers.plain("api"));

    assertThat(object.source()).isEqualTo(SourceRef.of("docker:api"));
    assertThat(object.locator()).isSameAs(Locator.NONE);
    assertThat(object.kind()).isEqualTo("Container");
  }

  @Test
  void theEngineJudgesAPlainContainerInHostConfigTerms() {
    ObjectResult result =
        Engine.standard()
            .evaluate(ContainerAdapter.object(Containers.plain("api")), Containers.HARDENED);

    assertThat(result.allowed()).isFalse();
    assertThat(result.findings())
        .extracting(Finding::check, Finding::detail)
        .containsExactly(
            tuple("capabilities_restricted", "container \"api\" must set HostConfig.CapDrop=[ALL]"),
            tuple(
                "noNewPrivileges",
                "container \"api\" must set HostConfig.SecurityOpt=[no-new-privileges]"),
            tuple("user", "container \"api\" must set Config.User to a non-root UID"),
            tuple("readOnly", "container \"api\" must set HostConfig.ReadonlyRootfs=true"));
  }

  @Test
  void theEngineLetsAHardenedContainerPass() {
    ObjectResult result =
        Engine.standard()
            .evaluate(ContainerAdapter.object(Containers.hardened("web")), Containers.HARDENED);

    assertThat(result.allowed()).isTrue();
    assertThat(result.findings()).isEmpty();
  }
}
