package dev.rootlock.docker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.docker.ContainerDetails;
import dev.rootlock.docker.ContainerDetails.MountPoint;
import dev.rootlock.docker.ContainerDetails.Namespaces;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTableTest {

  @Test
  void rowsAlignLikeDockerPsAndFailingChecksAreExplainedBelow() {
    ContainerAuditReport report =
        new ContainerAuditReport(
            "hardened:latest",
            List.of(
                Containers.audited(Containers.hardened("rl-hardened")),
                Containers.audited(Containers.plain("plain"))));

    assertThat(ContainerAuditTable.text(report))
        .isEqualTo(
            """
            NAME          IMAGE                          READONLY   USER     PRIVILEGED   CAPDROP   NO-NEW-PRIVS   SECCOMP   WRITABLE MOUNTS                                           FAILING CHECKS
            rl-hardened   rootlock-test/busybox:latest   true       1000     false        ALL       true           default   tmpfs:/tmp[rw,noexec,nosuid,size=8m], volume:data:/data   <none>
            plain         rootlock-test/busybox:latest   false      <none>   false        <none>    false          default   <none>                                                    capabilities_restricted,noNewPrivileges,user,readOnly

            capabilities_restricted: container "plain" must set HostConfig.CapDrop=[ALL]
            noNewPrivileges: container "plain" must set HostConfig.SecurityOpt=[no-new-privileges]
            user: container "plain" must set Config.User to a non-root UID
            readOnly: container "plain" must set HostConfig.ReadonlyRootfs=true
            2 containers audited, 1 violates hardened:latest (4 findings)
            """);
  }

  @Test
  void theNarrowTableNamesTheFirstFailingCheckAndHowManyMore() {
    ContainerAuditReport report =
        new ContainerAuditReport(
            "hardened:latest",
            List.of(
                Containers.audited(Containers.hardened("rl-hardened")),
                Containers.audited(Containers.plain("plain"))));

    assertThat(ContainerAuditTable.narrow(report))
        .isEqualTo(
            """
            NAME          IMAGE                          READONLY   CHECKS
            rl-hardened   rootlock-test/busybox:latest   true       <none>
            plain         rootlock-test/busybox:latest   false      capabilities_restricted +3

            capabilities_restricted: container "plain" must set HostConfig.CapDrop=[ALL]
            noNewPrivileges: container "plain" must set HostConfig.SecurityOpt=[no-new-privileges]
            user: container "plain" must set Config.User to a non-root UID
            readOnly: container "plain" must set HostConfig.ReadonlyRootfs=true
            2 containers audited, 1 violates hardened:latest (4 findings)
            """);
  }

  @Test
  void noContainersGiveTheHeaderAndASummary() {
    assertThat(ContainerAuditTable.text(new ContainerAuditReport("restricted:v1.30", List.of())))
        .isEqualTo(
            """
            NAME   IMAGE   READONLY   USER   PRIVILEGED   CAPDROP   NO-NEW-PRIVS   SECCOMP   WRITABLE MOUNTS   FAILING CHECKS
            0 containers audited, none violate restricted:v1.30
            """);
  }

  @Test
  void writableMountsShowTmpfsOptionsShortVolumeIdsAndBindsButNotReadOnlyOnes() {
    String anonymous = "6bbd201fd50f4d18ce32d07d757cfc73529db22d7418df1db89fa11286a1df2e";
    ContainerDetails details =
        new ContainerDetails(
            "3333",
            "mixed",
            "app",
            true,
            44,
            0,
            "1000",
            List.of(),
            true,
            false,
            List.of(),
            List.of("ALL"),
            List.of(),
            Map.of("/run", "", "/ro", "ro,size=1m"),
            List.of(
                new MountPoint("volume", anonymous, "/cache", true),
                new MountPoint("bind", "/srv", "/srv", true),
                new MountPoint("bind", "/etc/app", "/etc/app", false)),
            Namespaces.PRIVATE,
            List.of());

    assertThat(ContainerAuditTable.writableMounts(ContainerAdapter.config(details)))
        .containsExactly("tmpfs:/run", "volume:6bbd201fd50f:/cache", "bind:/srv:/srv");
  }

  @Test
  void seccompSaysUnconfinedForPrivilegedAndCustomForAnInlineProfile() {
    ContainerDetails privileged =
        new ContainerDetails(
            "4",
            "p",
            "app",
            true,
            1,
            0,
            "",
            List.of(),
            false,
            true,
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            Namespaces.PRIVATE,
            List.of());
    ContainerDetails custom =
        new ContainerDetails(
            "5",
            "c",
            "app",
            true,
            1,
            0,
            "",
            List.of(),
            false,
            false,
            List.of(),
            List.of(),
            List.of("seccomp={\"defaultAction\":\"SCMP_ACT_ERRNO\"}"),
            Map.of(),
            List.of(),
            Namespaces.PRIVATE,
            List.of());

    assertThat(ContainerAuditTable.seccomp(ContainerAdapter.config(privileged)))
        .isEqualTo("unconfined");
    assertThat(ContainerAuditTable.seccomp(ContainerAdapter.config(custom))).isEqualTo("custom");
  }

  @Test
  void controlCharactersFromTheEngineAreEscaped() {
    assertThat(ContainerAuditTable.safe("/srv/a\nb\u001b[31m"))
        .isEqualTo("/srv/a\\u000ab\\u001b[31m");
  }
}
