package dev.rootlock.fix.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.TmpfsMount;
import dev.rootlock.source.dockerrun.DockerRunCommand;
import dev.rootlock.source.dockerrun.DockerRunException;
import dev.rootlock.source.dockerrun.DockerRunParser;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link HardenedRunCommand}. */
class HardenedRunCommandTest {

  private static DockerRunCommand parse(String line) throws DockerRunException {
    return DockerRunParser.parse(Arrays.asList(line.split(" ")));
  }

  private static final String ADDED =
      "--read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL --security-opt"
          + " no-new-privileges --user 65534:65534";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "a plain line gets everything before the image",
            "docker run -d -p 80:80 nginx:alpine",
            "docker run -d -p 80:80 " + ADDED + " nginx:alpine"),
        Arguments.of(
            "the seed's line keeps its read-only and tmpfs",
            "docker run -d --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m my-image:latest",
            "docker run -d --read-only --tmpfs /tmp:rw,noexec,nosuid,size=64m --cap-drop ALL"
                + " --security-opt no-new-privileges --user 65534:65534 my-image:latest"),
        Arguments.of(
            "an already hardened line is unchanged",
            "docker run --read-only --tmpfs /tmp:size=1m --cap-drop=all --security-opt"
                + " no-new-privileges=true -u 1000 nginx",
            "docker run --read-only --tmpfs /tmp:size=1m --cap-drop=all --security-opt"
                + " no-new-privileges=true -u 1000 nginx"),
        Arguments.of(
            "contradicting flags are removed, a group is split",
            "docker run --read-only=false -itu root --security-opt no-new-privileges=false alpine"
                + " sh",
            "docker run -i -t " + ADDED + " alpine sh"),
        Arguments.of(
            "unbounded, exec and suid tmpfs are fixed in place",
            "docker run --tmpfs /run --tmpfs=/cache:exec,size=1m --tmpfs /x:suid,size=0 nginx",
            "docker run --tmpfs /run:noexec,nosuid,size=64m --tmpfs=/cache:size=1m,noexec,nosuid"
                + " --tmpfs /x:noexec,nosuid,size=64m "
                + ADDED
                + " nginx"),
        Arguments.of(
            "a tmpfs --mount at /tmp gets a size and no second /tmp",
            "docker run --mount type=tmpfs,dst=/tmp nginx",
            "docker run --mount type=tmpfs,dst=/tmp,tmpfs-size=64m --read-only --cap-drop ALL"
                + " --security-opt no-new-privileges --user 65534:65534 nginx"),
        Arguments.of(
            "a volume at /tmp/ counts as /tmp",
            "docker run -v scratch:/tmp/ nginx",
            "docker run -v scratch:/tmp/ --read-only --cap-drop ALL --security-opt"
                + " no-new-privileges --user 65534:65534 nginx"),
        Arguments.of(
            "privileged, cap-add ALL and host namespaces are dropped, other flags kept",
            "docker run --privileged --cap-add SYS_ADMIN --cap-add=all --network host --pid=host"
                + " --ipc host --uts host --userns host --frobnicate -v /:/host nginx",
            "docker run --cap-add SYS_ADMIN --frobnicate -v /:/host " + ADDED + " nginx"),
        Arguments.of(
            "a private network and --privileged=false are kept",
            "docker run --privileged=false --network none --pid container:x nginx",
            "docker run --privileged=false --network none --pid container:x " + ADDED + " nginx"),
        Arguments.of(
            "flags go before --",
            "docker run --rm -- nginx -g daemon",
            "docker run --rm " + ADDED + " -- nginx -g daemon"),
        Arguments.of("no prefix stays no prefix", "-d nginx", "-d " + ADDED + " nginx"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hardens(String name, String line, String expected) throws Exception {
    DockerRunCommand command = parse(line);
    assertThat(String.join(" ", HardenedRunCommand.builder(command).build().args()))
        .isEqualTo(expected);
  }

  @Test
  void theResultHasEveryRestrictedAndHardenedSetting() throws Exception {
    DockerRunCommand command = parse("docker run -u 0:0 --tmpfs /run:exec -v data:/data nginx");
    List<String> hardened = HardenedRunCommand.builder(command).build().args();
    ContainerConfig config = DockerRunParser.parse(hardened).config();
    assertThat(config.readOnly()).isTrue();
    assertThat(config.capDrop()).anyMatch(Capability::isAll);
    assertThat(config.securityOpts().noNewPrivileges()).isTrue();
    assertThat(config.hasNonRootUser()).isTrue();
    assertThat(config.tmpfs()).allMatch(TmpfsMount::bounded).noneMatch(TmpfsMount::exec);
  }

  @Test
  void usesTheChosenUserAndSize() throws Exception {
    DockerRunCommand command = parse("docker run --tmpfs /run nginx");
    assertThat(
            HardenedRunCommand.builder(command).user("10001:10001").tmpfsSize("8m").build().args())
        .containsExactly(
            "docker",
            "run",
            "--tmpfs",
            "/run:noexec,nosuid,size=8m",
            "--read-only",
            "--tmpfs",
            "/tmp:rw,noexec,nosuid,size=8m",
            "--cap-drop",
            "ALL",
            "--security-opt",
            "no-new-privileges",
            "--user",
            "10001:10001",
            "nginx");
  }

  @Test
  void quotesForTheShellOnlyWhatNeedsIt() throws Exception {
    DockerRunCommand command =
        DockerRunParser.parse(
            List.of("docker", "run", "-e", "A=b c", "alpine", "sh", "-c", "echo 'hi'"));
    assertThat(HardenedRunCommand.builder(command).build().shellText())
        .isEqualTo("docker run -e 'A=b c' " + ADDED + " alpine sh -c 'echo '\\''hi'\\'''");
  }

  @Test
  void quotesMountFieldsThatHoldCommas() throws Exception {
    DockerRunCommand command =
        DockerRunParser.parse(
            List.of("docker", "run", "--mount", "type=tmpfs,dst=/t,\"tmpfs-mode=1770\"", "nginx"));
    assertThat(HardenedRunCommand.builder(command).build().args().get(3))
        .isEqualTo("type=tmpfs,dst=/t,tmpfs-mode=1770,tmpfs-size=64m");
  }

  @Test
  void everyDroppedOrChangedFlagHasANote() throws Exception {
    DockerRunCommand command =
        parse(
            "docker run --privileged --cap-add=ALL"
                + " --net host -u root --read-only=false --tmpfs /run nginx");

    assertThat(HardenedRunCommand.builder(command).build().notes())
        .containsExactly(
            "dropped --read-only=false: replaced by --read-only",
            "dropped --privileged: it gives every capability, all devices and no seccomp or AppArmor"
                + " profile; add back only the capabilities or devices the container needs",
            "dropped --cap-add=ALL: it adds every capability; add back only the ones the container"
                + " needs (rootlock docker discover finds them)",
            "dropped --net host: it shares the host's network stack; publish ports with -p instead",
            "changed --tmpfs /run to /run:noexec,nosuid,size=64m: a writable tmpfs needs"
                + " noexec,nosuid and a size",
            "dropped -u root: replaced by --user 65534:65534 (a non-root user)");
  }
}
