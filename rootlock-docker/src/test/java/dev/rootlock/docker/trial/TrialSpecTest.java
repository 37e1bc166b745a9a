package dev.rootlock.docker.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialSpecTest {

  private final TrialSpec spec =
      TrialSpec.hardened("rootlock-test/nginx")
          .withTmpfs(
              List.of(
                  TrialTmpfs.of("/run", 16), TrialTmpfs.of("/var/lib/nginx", 16).withOwner(33, 33)))
          .withVolumes(
              List.of(
                  new TrialVolume("data", "/data", false),
                  new TrialVolume("/etc/app", "/config", true)))
          .withCapabilities(true, List.of("setuid", "CAP_CHOWN", "SETGID", "CHOWN"))
          .withUser("1000:1000")
          .withEnv(List.of("GREETING=hello world", "PRICE=$5"))
          .withWorkingDir("/srv")
          .withEntrypoint(List.of("/bin/sh", "-c"))
          .withCmd(List.of("echo 'hi' && sleep 1"));

  @Test
  void rendersTheDockerRunLineShellQuotedInAFixedOrder() {
    assertThat(spec.dockerRunLine())
        .isEqualTo(
            "docker run -d --read-only"
                + " --tmpfs /run:rw,noexec,nosuid,nodev,size=16m"
                + " --tmpfs /var/lib/nginx:rw,noexec,nosuid,nodev,size=16m,uid=33,gid=33"
                + " -v data:/data -v /etc/app:/config:ro"
                + " --cap-drop ALL --cap-add CHOWN --cap-add SETGID --cap-add SETUID"
                + " --security-opt no-new-privileges --user 1000:1000"
                + " -e 'GREETING=hello world' -e 'PRICE=$5' -w /srv"
                + " --entrypoint /bin/sh rootlock-test/nginx -c 'echo '\\''hi'\\'' && sleep 1'");
  }

  @Test
  void rendersAComposeFileWithTheSameSettings() {
    assertThat(spec.composeService("app"))
        .isEqualTo(
            """
        services:
          app:
            image: "rootlock-test/nginx"
            read_only: true
            user: "1000:1000"
            tmpfs:
              - "/run:rw,noexec,nosuid,nodev,size=16m"
              - "/var/lib/nginx:rw,noexec,nosuid,nodev,size=16m,uid=33,gid=33"
            volumes:
              - "data:/data"
              - "/etc/app:/config:ro"
            cap_drop:
              - "ALL"
            cap_add:
              - "CHOWN"
              - "SETGID"
              - "SETUID"
            security_opt:
              - "no-new-privileges:true"
            environment:
              - "GREETING=hello world"
              - "PRICE=$$5"
            working_dir: "/srv"
            entrypoint: ["/bin/sh", "-c"]
            command: ["echo 'hi' && sleep 1"]
        volumes:
          "data": {}
        """);
  }

  @Test
  void givesTheEngineTheSameSettingsPlusLabels() {
    var container = spec.toContainerSpec(Map.of("dev.rootlock.trial", "abc"));
    assertThat(container.readOnlyRoot()).isTrue();
    assertThat(container.tmpfs())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "/run", "rw,noexec,nosuid,nodev,size=16m",
                "/var/lib/nginx", "rw,noexec,nosuid,nodev,size=16m,uid=33,gid=33"));
    assertThat(container.capDrop()).containsExactly("ALL");
    assertThat(container.capAdd()).containsExactly("CHOWN", "SETGID", "SETUID");
    assertThat(container.securityOpt()).containsExactly("no-new-privileges");
    assertThat(container.binds()).containsExactly("data:/data", "/etc/app:/config:ro");
    assertThat(container.entrypoint()).containsExactly("/bin/sh", "-c");
    assertThat(container.cmd()).containsExactly("echo 'hi' && sleep 1");
    assertThat(container.user()).isEqualTo("1000:1000");
    assertThat(container.workingDir()).isEqualTo("/srv");
    assertThat(container.labels()).isEqualTo(Map.of("dev.rootlock.trial", "abc"));
  }

  @Test
  void theHardenedStartingPointPrintsOnlyTheHardening() {
    assertThat(TrialSpec.hardened("busybox").dockerRunLine())
        .isEqualTo(
            "docker run -d --read-only --cap-drop ALL --security-opt no-new-privileges busybox");
  }

  @Test
  void tmpfsOptionsParseBackToTheSameMount() {
    TrialTmpfs mount = TrialTmpfs.parse("/tmp:rw,noexec,nosuid,size=64m,mode=1777,uid=1,gid=2");
    assertThat(mount).isEqualTo(new TrialTmpfs("/tmp", 64L << 20, true, true, false, 01777, 1, 2));
    assertThat(mount.spec()).isEqualTo("/tmp:rw,noexec,nosuid,size=64m,mode=1777,uid=1,gid=2");
    assertThat(TrialTmpfs.parse("/x:size=1536k").options()).isEqualTo("rw,size=1536k");
    assertThatThrownBy(() -> TrialTmpfs.parse("/x:size=50%"))
        .hasMessage("a tmpfs size in percent cannot be proven: /x:size=50%");
    assertThatThrownBy(() -> TrialTmpfs.parse("/x:bogus"))
        .hasMessage("unsupported tmpfs option 'bogus' in /x:bogus");
  }

  @Test
  void anonymousVolumesRenderAsTheTargetAlone() {
    assertThat(new TrialVolume("", "/cache", false).spec()).isEqualTo("/cache");
    assertThat(new TrialVolume("", "/cache", true).spec()).isEqualTo("/cache:ro");
  }
}
