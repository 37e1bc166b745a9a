package dev.rootlock.source.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.Capability;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.DockerDialect;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link DockerRunParser}. */
class DockerRunParserTest {

  /** Splits on single spaces; the tests need no quoting. */
  static List<String> words(String line) {
    return Arrays.asList(line.split(" "));
  }

  static DockerRunCommand parse(String line) throws DockerRunException {
    return DockerRunParser.parse(words(line));
  }

  static Stream<Arguments> prefixesAndImages() {
    return Stream.of(
        Arguments.of("docker run nginx", "nginx", List.of()),
        Arguments.of("docker container run nginx", "nginx", List.of()),
        Arguments.of("docker create nginx", "nginx", List.of()),
        Arguments.of("/usr/bin/docker run nginx", "nginx", List.of()),
        Arguments.of("docker -H unix:///x.sock --debug run nginx", "nginx", List.of()),
        Arguments.of("run -d nginx", "nginx", List.of()),
        Arguments.of("container run nginx", "nginx", List.of()),
        Arguments.of("-d nginx", "nginx", List.of()),
        Arguments.of("nginx", "nginx", List.of()),
        Arguments.of("--rm -it alpine sh -c echo", "alpine", List.of("sh", "-c", "echo")),
        Arguments.of(
            "-e FOO=bar -w /app --restart always -h web nginx:1 --flag",
            "nginx:1",
            List.of("--flag")),
        Arguments.of("--user --rm nginx", "nginx", List.of()),
        Arguments.of("--rm -- nginx -x", "nginx", List.of("-x")),
        Arguments.of("--rm nginx -- x", "nginx", List.of("--", "x")),
        Arguments.of("-itd --name web -p 80:80 nginx", "nginx", List.of()),
        Arguments.of("-dp 80:80 nginx", "nginx", List.of()),
        Arguments.of("-dp80:80 nginx", "nginx", List.of()),
        Arguments.of("--frobnicate nginx", "nginx", List.of()),
        Arguments.of("--frobnicate=3 -Z nginx", "nginx", List.of()),
        Arguments.of("--read-only=false nginx", "nginx", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prefixesAndImages")
  void findsTheImageAndCommand(String line, String image, List<String> command) throws Exception {
    DockerRunCommand parsed = parse(line);
    assertThat(parsed.image()).isEqualTo(image);
    assertThat(parsed.command()).isEqualTo(command);
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        setting("--read-only nginx", ContainerConfig::readOnly, true),
        setting("--read-only=true nginx", ContainerConfig::readOnly, true),
        setting("--read-only=false nginx", ContainerConfig::readOnly, false),
        setting("--read-only=0 nginx", ContainerConfig::readOnly, false),
        setting("nginx --read-only", ContainerConfig::readOnly, null),
        setting("--privileged nginx", ContainerConfig::privileged, true),
        setting("-u 1000:1000 nginx", ContainerConfig::user, "1000:1000"),
        setting("-u=root nginx", ContainerConfig::user, "root"),
        setting("-uroot nginx", ContainerConfig::user, "root"),
        setting("-itu 0 nginx", ContainerConfig::user, "0"),
        setting("--user=app --user 1000 nginx", ContainerConfig::user, "1000"),
        setting("--network host nginx", ContainerConfig::networkMode, "host"),
        setting("--net=host nginx", ContainerConfig::networkMode, "host"),
        setting("--network front --network host nginx", ContainerConfig::networkMode, "host"),
        setting("--network name=host,alias=web nginx", ContainerConfig::networkMode, "host"),
        setting("--network front nginx", ContainerConfig::networkMode, "front"),
        setting("--pid host nginx", ContainerConfig::pid, "host"),
        setting("--ipc=host nginx", ContainerConfig::ipc, "host"),
        setting("--uts host nginx", ContainerConfig::uts, "host"),
        setting("--userns host nginx", ContainerConfig::usernsMode, "host"),
        setting("--name web nginx", ContainerConfig::name, "web"),
        setting("nginx:alpine", ContainerConfig::name, "nginx:alpine"),
        setting("-e PATH=/opt/bin:/usr/bin nginx", ContainerConfig::pathEnv, "/opt/bin:/usr/bin"),
        setting(
            "--cap-drop ALL --cap-add=cap_net_bind_service nginx",
            c -> List.of(c.capDrop().get(0).canonical(), c.capAdd().get(0).name()),
            List.of("ALL", "cap_net_bind_service")),
        setting(
            "--security-opt no-new-privileges nginx",
            c -> c.securityOpts().noNewPrivileges(),
            true),
        setting(
            "--security-opt=seccomp=unconfined nginx",
            c -> c.securityOpts().seccompProfile(),
            "unconfined"),
        setting(
            "--device /dev/fuse --device=/dev/kvm nginx",
            c -> c.devices().stream().map(d -> d.spec()).toList(),
            List.of("/dev/fuse", "/dev/kvm")),
        setting("--frobnicate --read-only nginx", ContainerConfig::readOnly, true));
  }

  private static Arguments setting(
      String line, Function<ContainerConfig, Object> getter, Object expected) {
    return Arguments.of(line, getter, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void readsEachSetting(String line, Function<ContainerConfig, Object> getter, Object expected)
      throws Exception {
    ContainerConfig config = parse(line).config();
    assertThat(config.dialect()).isEqualTo(DockerDialect.RUN);
    assertThat(getter.apply(config)).isEqualTo(expected);
  }

  @Test
  void readsTmpfsFlags() throws Exception {
    ContainerConfig config =
        parse(
                "--tmpfs /tmp:rw,noexec,nosuid,size=64m --tmpfs /run"
                    + " --mount type=tmpfs,destination=/cache,tmpfs-size=64m,tmpfs-mode=1770 nginx")
            .config();
    assertThat(config.tmpfs())
        .containsExactly(
            TmpfsMount.parse("/tmp:rw,noexec,nosuid,size=64m", FieldPath.of("tmpfs").index(0)),
            TmpfsMount.parse("/run", FieldPath.of("tmpfs").index(1)),
            TmpfsMount.ofLongSyntax(
                "/cache", "64m", "1770", false, FieldPath.of("volumes").index(0)));
  }

  @Test
  void readsVolumesAndMounts() throws Exception {
    ContainerConfig config =
        parse(
                "-v /host/config:/app/config:ro --volume=data:/data -v /anon --mount"
                    + " type=bind,source=/a,target=/b,readonly --mount src=v,dst=/v,ro=false"
                    + " --mount \"type=bind\",src=/s,dst=/d,ro=1 nginx")
            .config();
    FieldPath volumes = FieldPath.of("volumes");
    assertThat(config.mounts())
        .containsExactly(
            new Mount(MountType.BIND, "/host/config", "/app/config", true, volumes.index(0)),
            new Mount(MountType.VOLUME, "data", "/data", false, volumes.index(1)),
            new Mount(MountType.VOLUME, null, "/anon", false, volumes.index(2)),
            new Mount(MountType.BIND, "/a", "/b", true, volumes.index(3)),
            new Mount(MountType.VOLUME, "v", "/v", false, volumes.index(4)),
            new Mount(MountType.BIND, "/s", "/d", true, volumes.index(5)));
  }

  @Test
  void keepsUnknownFlagsWithAWarning() throws Exception {
    DockerRunCommand parsed = parse("--frobnicate -dZq nginx");
    assertThat(parsed.warnings())
        .containsExactly(
            "unknown flag --frobnicate kept as given", "unknown flag -Zq kept as given");
    assertThat(parsed.options().stream().map(RunOption::written))
        .containsExactly("--frobnicate", "-d", "-Zq");
  }

  @Test
  void groupsCombinedShortFlags() throws Exception {
    List<RunOption> options = parse("-itu root alpine").options();
    assertThat(options)
        .containsExactly(
            new RunOption("interactive", "-i", null, 0, -1, true, true),
            new RunOption("tty", "-t", null, 0, -1, true, true),
            new RunOption("user", "-u", "root", 0, 1, true, true));
  }

  @Test
  void reportsSecurityOptionsTheCliRefuses() throws Exception {
    assertThat(parse("--security-opt label --security-opt seccomp= nginx").problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("security_opt").index(0), "Invalid --security-opt: \"label\""),
            new FieldProblem(
                FieldPath.of("security_opt").index(1), "Invalid --security-opt: \"seccomp=\""));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("docker ps -a", "not a docker run command: docker ps", 1),
        Arguments.of(
            "docker --debug image ls", "not a docker run command: docker --debug image", 2),
        Arguments.of("docker container ls", "not a docker run command: docker container ls", 2),
        Arguments.of("docker", "not a docker run command: docker", 1),
        Arguments.of("docker run --user", "flag needs an argument: --user", 2),
        Arguments.of("docker run -u", "flag needs an argument: 'u' in -u", 2),
        Arguments.of("docker run -itu", "flag needs an argument: 'u' in -itu", 2),
        Arguments.of("docker run", "\"docker run\" requires an IMAGE argument", 2),
        Arguments.of("docker run --rm -d", "\"docker run\" requires an IMAGE argument", 4),
        Arguments.of(
            "docker run --read-only=maybe nginx",
            "invalid argument \"maybe\" for \"--read-only\" flag: not a boolean",
            2),
        Arguments.of(
            "docker run -d=2 nginx", "invalid argument \"2\" for \"-d\" flag: not a boolean", 2),
        Arguments.of(
            "docker run --mount type=bind,source=/a nginx",
            "invalid argument \"type=bind,source=/a\" for \"--mount\" flag: target is required",
            2),
        Arguments.of(
            "docker run --mount=foo nginx",
            "invalid argument \"foo\" for \"--mount\" flag: invalid field 'foo' must be a key=value"
                + " pair",
            2),
        Arguments.of(
            "docker run --mount type=tmpfs,dst=/x,tmpfs-size=abc nginx",
            "invalid argument \"type=tmpfs,dst=/x,tmpfs-size=abc\" for \"--mount\" flag: invalid"
                + " value for tmpfs-size: abc",
            2),
        // Issue 15: docker creates this container, but the kernel refuses the size and it never
        // starts ("mount tmpfs:/tmp ... data: size=abc: invalid argument", checked on Docker
        // 20.10).
        Arguments.of(
            "docker run --tmpfs /tmp:size=abc nginx",
            "invalid argument \"/tmp:size=abc\" for \"--tmpfs\" flag: invalid size \"abc\": the"
                + " kernel refuses it and the container would not start (use a size such as 64m, or"
                + " a percentage such as 10%)",
            2),
        Arguments.of(
            "docker run --mount type=tmpfs,dst=/x,tmpfs-mode=999 nginx",
            "invalid argument \"type=tmpfs,dst=/x,tmpfs-mode=999\" for \"--mount\" flag: invalid"
                + " value for tmpfs-mode: 999",
            2),
        Arguments.of(
            "docker run --mount type=bind,dst=/x,tmpfs-size=1m nginx",
            "invalid argument \"type=bind,dst=/x,tmpfs-size=1m\" for \"--mount\" flag: cannot mix"
                + " 'tmpfs-*' options with mount type 'bind'",
            2),
        Arguments.of(
            "docker run --mount dst=/x,bogus=1 nginx",
            "invalid argument \"dst=/x,bogus=1\" for \"--mount\" flag: unexpected key 'bogus' in"
                + " 'bogus=1'",
            2),
        Arguments.of(
            "docker run --mount type=weird,dst=/x nginx",
            "invalid argument \"type=weird,dst=/x\" for \"--mount\" flag: mount type unknown:"
                + " 'weird'",
            2),
        Arguments.of(
            "docker run --mount dst=/x,src=a\"b nginx",
            "invalid argument \"dst=/x,src=a\"b\" for \"--mount\" flag: bare \" in"
                + " non-quoted-field",
            2),
        Arguments.of(
            "docker run -v /a:/b:ro:x nginx",
            "invalid argument \"/a:/b:ro:x\" for \"-v\" flag: invalid spec: /a:/b:ro:x: too many"
                + " colons",
            2),
        Arguments.of(
            "docker run --volume=/a::ro nginx",
            "invalid argument \"/a::ro\" for \"--volume\" flag: invalid spec: /a::ro: empty"
                + " section between colons",
            2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void refusesWhatTheCliRefuses(String line, String message, int argIndex) {
    assertThatThrownBy(() -> parse(line))
        .isInstanceOfSatisfying(
            DockerRunException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.argIndex()).isEqualTo(argIndex);
            });
  }

  @Test
  void locatesTheFlagBehindEachPath() throws Exception {
    DockerRunCommand parsed =
        parse("docker run --cap-add SYS_ADMIN --cap-add=NET_ADMIN -u 0 --mount dst=/x nginx");
    assertThat(parsed.text())
        .isEqualTo("docker run --cap-add SYS_ADMIN --cap-add=NET_ADMIN -u 0 --mount dst=/x nginx");
    assertThat(parsed.locator().locate(FieldPath.of("cap_add").index(1)))
        .isEqualTo(new Position(1, 32, 31));
    assertThat(parsed.locator().locate(FieldPath.of("cap_add"))).isEqualTo(new Position(1, 12, 11));
    assertThat(parsed.locator().locate(FieldPath.of("user"))).isEqualTo(new Position(1, 52, 51));
    assertThat(parsed.locator().locate(FieldPath.of("volumes").index(0)))
        .isEqualTo(new Position(1, 57, 56));
    assertThat(parsed.locator().locate(FieldPath.of("read_only"))).isEqualTo(Position.START);
  }

  @Test
  void becomesACheckableObject() throws Exception {
    var object = parse("docker run --privileged nginx").toObject("-");
    assertThat(object.kind()).isEqualTo("Container");
    assertThat(object.source().file()).isEqualTo("-");
    assertThat(object.config().privileged()).isTrue();
    assertThat(object.config().capAdd()).extracting(Capability::name).isEmpty();
  }
}
