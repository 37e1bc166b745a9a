package dev.rootlock.source.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.FieldProblem;
import dev.rootlock.model.InputError;
import dev.rootlock.model.Position;
import dev.rootlock.model.docker.ContainerConfig;
import dev.rootlock.model.docker.Device;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.model.docker.Mount;
import dev.rootlock.model.docker.MountType;
import dev.rootlock.model.docker.TmpfsMount;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link ComposeReader}: every syntax variant Compose accepts for the fields checked. */
class ComposeReaderTest {

  private static final FieldPath TMPFS = FieldPath.of("tmpfs");
  private static final FieldPath VOLUMES = FieldPath.of("volumes");

  /** A file whose only service, {@code api}, has {@code body} (written at 4 spaces) under it. */
  static String file(String body) {
    return "services:\n  api:\n    image: example/api:1\n" + body.indent(4);
  }

  /** The position of 1-based {@code line} and {@code column} in {@code text}, offset included. */
  static Position at(String text, int line, int column) {
    int offset = 0;
    for (int i = 1; i < line; i++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return new Position(line, column, offset + column - 1);
  }

  static DockerObject api(String body) {
    ComposeFile read = ComposeReader.read("compose.yaml", file(body));
    assertThat(read.errors()).isEmpty();
    assertThat(read.services()).hasSize(1);
    return read.services().get(0);
  }

  private static Arguments variant(
      String body, Function<ContainerConfig, Object> field, Object expected) {
    return Arguments.of(body, field, expected);
  }

  static Stream<Arguments> variants() {
    Function<ContainerConfig, Object> readOnly = ContainerConfig::readOnly;
    Function<ContainerConfig, Object> tmpfs = ContainerConfig::tmpfs;
    Function<ContainerConfig, Object> mounts = ContainerConfig::mounts;
    return Stream.of(
        variant("read_only: true", readOnly, true),
        variant("read_only: false", readOnly, false),
        variant("read_only: True", readOnly, true),
        variant("read_only: \"true\"", readOnly, true),
        variant("read_only: 'FALSE'", readOnly, false),
        variant("read_only:", readOnly, null),
        variant("read_only: !!bool true", readOnly, true),
        variant("privileged: true", ContainerConfig::privileged, true),
        variant("user: app", ContainerConfig::user, "app"),
        variant("user: 1000", ContainerConfig::user, "1000"),
        variant("user: \"1000:1000\"", ContainerConfig::user, "1000:1000"),
        variant("user: ${UID:-1000}", ContainerConfig::user, "1000"),
        variant("user: \"${APP_UID:-0}\"", ContainerConfig::user, "0"),
        variant("user: $${UID}", ContainerConfig::user, "${UID}"),
        variant("read_only: \"${RO:-true}\"", readOnly, true),
        variant("privileged: \"${P:-true}\"", ContainerConfig::privileged, true),
        variant("network_mode: \"${NET:-host}\"", ContainerConfig::networkMode, "host"),
        variant("pid: ${PID-host}", ContainerConfig::pid, "host"),
        variant(
            "volumes: [\"cfg:${T:-/etc}\"]",
            mounts,
            List.of(new Mount(MountType.VOLUME, "cfg", "/etc", false, VOLUMES.index(0)))),
        variant("tmpfs: /tmp", tmpfs, List.of(TmpfsMount.parse("/tmp", TMPFS))),
        variant(
            "tmpfs: /tmp:rw,noexec,nosuid,size=64m",
            tmpfs,
            List.of(TmpfsMount.parse("/tmp:rw,noexec,nosuid,size=64m", TMPFS))),
        variant(
            "tmpfs:\n  - /tmp:rw,noexec,nosuid,size=64m\n  - /run",
            tmpfs,
            List.of(
                TmpfsMount.parse("/tmp:rw,noexec,nosuid,size=64m", TMPFS.index(0)),
                TmpfsMount.parse("/run", TMPFS.index(1)))),
        variant("tmpfs: [/run]", tmpfs, List.of(TmpfsMount.parse("/run", TMPFS.index(0)))),
        variant(
            """
            volumes:
              - type: tmpfs
                target: /cache
                tmpfs:
                  size: 67108864
                  mode: 1777\
            """,
            tmpfs,
            List.of(
                TmpfsMount.ofLongSyntax("/cache", "67108864", "1777", false, VOLUMES.index(0)))),
        variant(
            "volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs: {size: 64m}",
            tmpfs,
            List.of(TmpfsMount.ofLongSyntax("/cache", "64m", null, false, VOLUMES.index(0)))),
        variant(
            "volumes:\n  - ./data:/data\n  - ./conf:/conf:ro\n  - ./rw:/rw:rw\n  - ./z:/z:z\n"
                + "  - named:/named\n  - /anonymous",
            mounts,
            List.of(
                new Mount(MountType.BIND, "./data", "/data", false, VOLUMES.index(0)),
                new Mount(MountType.BIND, "./conf", "/conf", true, VOLUMES.index(1)),
                new Mount(MountType.BIND, "./rw", "/rw", false, VOLUMES.index(2)),
                new Mount(MountType.BIND, "./z", "/z", false, VOLUMES.index(3)),
                new Mount(MountType.VOLUME, "named", "/named", false, VOLUMES.index(4)),
                new Mount(MountType.VOLUME, null, "/anonymous", false, VOLUMES.index(5)))),
        variant(
            "volumes:\n  - type: bind\n    source: ./conf\n    target: /conf\n    read_only: true\n"
                + "  - {type: volume, source: data, target: /data}",
            mounts,
            List.of(
                new Mount(MountType.BIND, "./conf", "/conf", true, VOLUMES.index(0)),
                new Mount(MountType.VOLUME, "data", "/data", false, VOLUMES.index(1)))),
        variant(
            "cap_drop: [all]\ncap_add:\n  - cap_net_bind_service",
            c -> List.of(c.capDrop().get(0).canonical(), c.capAdd().get(0).canonical()),
            List.of("ALL", "NET_BIND_SERVICE")),
        variant(
            "security_opt:\n  - no-new-privileges:true\n  - seccomp=unconfined\n  - label:disable",
            c ->
                List.of(
                    c.securityOpts().noNewPrivileges(),
                    c.securityOpts().seccompProfile(),
                    c.securityOpts().labelOptions()),
            List.of(true, "unconfined", List.of("disable"))),
        variant("security_opt: [no-new-privileges]", c -> c.securityOpts().noNewPrivileges(), true),
        variant(
            "security_opt: [no-new-privileges=true]",
            c -> c.securityOpts().noNewPrivileges(),
            true),
        variant("network_mode: host", ContainerConfig::networkMode, "host"),
        variant("pid: host", ContainerConfig::pid, "host"),
        variant("ipc: host", ContainerConfig::ipc, "host"),
        variant("uts: host", ContainerConfig::uts, "host"),
        variant("userns_mode: host", ContainerConfig::usernsMode, "host"),
        variant(
            """
            devices:
              - /dev/fuse
              - source: /dev/sda
                target: /dev/xvda
                permissions: r\
            """,
            ContainerConfig::devices,
            List.of(
                new Device("/dev/fuse", FieldPath.of("devices").index(0)),
                new Device("/dev/sda:/dev/xvda:r", FieldPath.of("devices").index(1)))),
        variant(
            "environment:\n  PATH: /opt/bin:/usr/bin",
            ContainerConfig::pathEnv,
            "/opt/bin:/usr/bin"),
        variant("environment:\n  - A=1\n  - PATH=/opt/bin", ContainerConfig::pathEnv, "/opt/bin"),
        variant("x-notes: ignored\nread_only: true", readOnly, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void readsEachSyntax(String body, Function<ContainerConfig, Object> field, Object expected) {
    DockerObject api = api(body);
    assertThat(api.problems()).isEmpty();
    // An interpolated value (not an escaped $${...}) gets one note saying what it reads.
    assertThat(api.warnings()).hasSize(body.matches("(?s).*(?<!\\$)\\$\\{.*") ? 1 : 0);
    assertThat(field.apply(api.config())).isEqualTo(expected);
  }

  static Stream<Arguments> yaml11Booleans() {
    return Stream.of(
        Arguments.of("yes", true),
        Arguments.of("Yes", true),
        Arguments.of("ON", true),
        Arguments.of("y", true),
        Arguments.of("no", false),
        Arguments.of("Off", false),
        Arguments.of("N", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yaml11Booleans")
  void readsYaml11BooleansWithComposesWarning(String written, boolean expected) {
    DockerObject api = api("read_only: " + written);
    assertThat(api.config().readOnly()).isEqualTo(expected);
    assertThat(api.warnings())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("read_only"),
                "\""
                    + written
                    + "\" for boolean is not supported by YAML 1.2, please use "
                    + expected));
  }

  @Test
  void saysWhichValueAnInterpolatedFieldTook() {
    DockerObject api = api("read_only: ${READ_ONLY:-true}\nuser: \"${APP_UID:-0}\"");
    assertThat(api.config().readOnly()).isTrue();
    assertThat(api.problems()).isEmpty();
    assertThat(api.warnings())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("read_only"),
                "\"${READ_ONLY:-true}\" reads \"true\": READ_ONLY is not set, so its default"
                    + " \"true\" applies"),
            new FieldProblem(
                FieldPath.of("user"),
                "\"${APP_UID:-0}\" reads \"0\": APP_UID is not set, so its default \"0\""
                    + " applies"));
  }

  @Test
  void takesValuesFromTheEnvironmentItIsGiven() {
    ComposeFile read =
        ComposeReader.read(
            "compose.yaml",
            file("user: ${APP_UID:-0}\nprivileged: ${P}"),
            ComposeEnvironment.of(java.util.Map.of("APP_UID", "10001", "P", "false")));
    DockerObject api = read.services().get(0);
    assertThat(api.config().user()).isEqualTo("10001");
    assertThat(api.config().privileged()).isFalse();
    assertThat(api.warnings())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("privileged"),
                "\"${P}\" reads \"false\": P=false from the environment"),
            new FieldProblem(
                FieldPath.of("user"),
                "\"${APP_UID:-0}\" reads \"10001\": APP_UID=10001 from the environment"));
  }

  @Test
  void leavesARequiredButUnsetVariableUnknown() {
    DockerObject api = api("read_only: ${RO:?set RO}\nuser: ${U:?set U}");
    assertThat(api.config().readOnly()).isNull();
    assertThat(api.config().user()).isEqualTo("${U:?set U}");
    assertThat(api.warnings())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("read_only"),
                "\"${RO:?set RO}\" is only known when Compose runs: RO must be set when Compose"
                    + " runs (set RO); its value is unknown here; read as unset"),
            new FieldProblem(
                FieldPath.of("user"),
                "\"${U:?set U}\" is only known when Compose runs: U must be set when Compose runs"
                    + " (set U); its value is unknown here"));
  }

  @Test
  void reportsAnInterpolationComposeRefuses() {
    ComposeFile read = ComposeReader.read("compose.yaml", file("user: $1"));
    assertThat(read.errors())
        .containsExactly(
            new InputError(
                "compose.yaml",
                at(file("user: $1"), 4, 11),
                "invalid interpolation format in \"$1\": you may need to escape any $ with"
                    + " another $"));
  }

  @Test
  void anIncludeThatIsNotFollowedIsAnErrorNotASilentPass() {
    String text = "include:\n  - other/compose.yaml\n";
    ComposeFile read = ComposeReader.read("compose.yaml", text);
    assertThat(read.services()).isEmpty();
    assertThat(read.errors())
        .containsExactly(
            new InputError(
                "compose.yaml",
                at(text, 1, 1),
                "include: is not followed in a file read from standard input: the included"
                    + " files' services are not checked; scan the file by its path"));
  }

  @Test
  void refusesCapabilitiesTheEngineRefuses() {
    DockerObject api = api("cap_drop: [CAP_ALL, net_raw]\ncap_add: [cap_foo]");
    assertThat(api.config().capDrop()).extracting(c -> c.name()).containsExactly("net_raw");
    assertThat(api.config().capAdd()).isEmpty();
    assertThat(api.problems())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("cap_add").index(0),
                "invalid CapAdd: unknown capability: \"CAP_FOO\""),
            new FieldProblem(
                FieldPath.of("cap_drop").index(0),
                "invalid CapDrop: unknown capability: \"CAP_ALL\""));
  }

  @Test
  void reportsValuesComposeRefusesAndTreatsThemAsUnset() {
    DockerObject api =
        api(
            """
            read_only: maybe
            privileged: 1
            user: [a]
            cap_add: SYS_ADMIN
            tmpfs: {a: b}
            volumes:
              - /a::ro
              - {target: /x}
              - {type: weird, target: /y}
              - {type: tmpfs, target: /t, tmpfs: {size: lots}}
              - 3.5\
            """);
    assertThat(api.problems())
        .containsExactly(
            new FieldProblem(FieldPath.of("read_only"), "invalid boolean: maybe"),
            new FieldProblem(FieldPath.of("privileged"), "invalid boolean: 1"),
            new FieldProblem(FieldPath.of("user"), "must be a string"),
            new FieldProblem(FieldPath.of("cap_add"), "must be a list"),
            new FieldProblem(FieldPath.of("tmpfs"), "must be a string or a list"),
            new FieldProblem(
                VOLUMES.index(0), "invalid spec: /a::ro: empty section between colons"),
            new FieldProblem(VOLUMES.index(1).key("type"), "is required"),
            new FieldProblem(VOLUMES.index(2).key("type"), "unknown volume type: weird"),
            new FieldProblem(VOLUMES.index(3).keys("tmpfs", "size"), "invalid size: lots"),
            new FieldProblem(VOLUMES.index(4), "must be a string or a mapping"));
    ContainerConfig config = api.config();
    assertThat(config.readOnly()).isNull();
    assertThat(config.privileged()).isNull();
    assertThat(config.user()).isNull();
    assertThat(config.tmpfs())
        .containsExactly(TmpfsMount.ofLongSyntax("/t", null, null, false, VOLUMES.index(3)));
    assertThat(config.mounts()).isEmpty();
  }

  @Test
  void locatesFieldsItemsAndWhatIsMissing() {
    String body = "cap_add:\n  - CHOWN\n  - SYS_ADMIN\nread_only: false";
    String text = file(body);
    DockerObject api = api(body);
    assertThat(api.source().position()).isEqualTo(at(text, 2, 3));
    assertThat(api.locator().locate(FieldPath.of("cap_add").index(1))).isEqualTo(at(text, 6, 9));
    assertThat(api.locator().locate(FieldPath.of("read_only"))).isEqualTo(at(text, 7, 5));
    assertThat(api.locator().locate(FieldPath.of("user"))).isEqualTo(at(text, 2, 3));
    assertThat(api.locator().locate(FieldPath.of("cap_drop").index(0))).isEqualTo(at(text, 2, 3));
  }

  @Test
  void appliesMergeKeysWrittenKeysWinning() {
    String text =
        """
        x-hardening: &hardening
          read_only: true
          cap_drop: [ALL]
          user: "1000"
        x-other: &other
          user: root
          privileged: true
        services:
          api:
            user: "2000"
            <<: [*hardening, *other]
            image: api
        """;
    DockerObject api = ComposeReader.read("compose.yaml", text).services().get(0);
    assertThat(api.config().user()).isEqualTo("2000");
    assertThat(api.config().readOnly()).isTrue();
    assertThat(api.config().privileged()).isTrue();
    assertThat(api.config().capDrop()).hasSize(1);
    assertThat(api.locator().locate(FieldPath.of("read_only"))).isEqualTo(at(text, 2, 3));
    assertThat(api.locator().locate(FieldPath.of("cap_drop").index(0))).isEqualTo(at(text, 3, 14));
  }

  @Test
  void followsExtendsWithinTheFile() {
    String text =
        """
        services:
          base:
            image: base
            read_only: true
            cap_add: [CHOWN]
            tmpfs: /run:size=1m
            volumes:
              - ./a:/data
              - ./b:/b
          middle:
            extends: base
            user: "1000"
          api:
            extends:
              service: middle
            cap_add: [SETUID, CHOWN]
            tmpfs: [/tmp]
            volumes:
              - ./c:/data:ro
        """;
    ComposeFile read = ComposeReader.read("compose.yaml", text);
    assertThat(read.errors()).isEmpty();
    DockerObject api = read.services().get(2);
    ContainerConfig config = api.config();
    assertThat(config.name()).isEqualTo("api");
    assertThat(config.image()).isEqualTo("base");
    assertThat(config.readOnly()).isTrue();
    assertThat(config.user()).isEqualTo("1000");
    assertThat(config.capAdd()).extracting(c -> c.name()).containsExactly("CHOWN", "SETUID");
    assertThat(config.tmpfs()).extracting(TmpfsMount::target).containsExactly("/run", "/tmp");
    assertThat(config.mounts())
        .containsExactly(
            new Mount(MountType.BIND, "./b", "/b", false, VOLUMES.index(0)),
            new Mount(MountType.BIND, "./c", "/data", true, VOLUMES.index(1)));
    assertThat(api.locator().locate(FieldPath.of("read_only"))).isEqualTo(at(text, 4, 5));
    assertThat(api.locator().locate(VOLUMES.index(0))).isEqualTo(at(text, 9, 9));
    assertThat(api.locator().locate(FieldPath.of("user"))).isEqualTo(at(text, 12, 5));
  }

  @Test
  void warnsThatExtendsFromAnotherFileIsNotFollowed() {
    DockerObject api = api("extends:\n  file: common.yml\n  service: base\nread_only: true");
    assertThat(api.config().readOnly()).isTrue();
    assertThat(api.warnings())
        .containsExactly(
            new FieldProblem(
                FieldPath.of("extends", "file"),
                "extends from \"common.yml\" is not followed when the file is read from standard"
                    + " input; what it adds is not checked"));
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("", List.of("compose.yaml: empty compose file"), 0),
        Arguments.of("# only a comment\n", List.of("compose.yaml: empty compose file"), 0),
        Arguments.of(
            "- a\n- b\n", List.of("compose.yaml:1:1: Top-level object must be a mapping"), 0),
        Arguments.of("services: [a]\n", List.of("compose.yaml:1:1: services must be a mapping"), 0),
        Arguments.of("services:\n  api: [\n", List.of("compose.yaml:3:1: "), 0),
        Arguments.of(
            "services:\n  bad: nginx\n  none:\n  ok:\n    image: x\n",
            List.of(
                "compose.yaml:2:3: service \"bad\" must be a mapping",
                "compose.yaml:3:3: service \"none\" must be a mapping"),
            1),
        Arguments.of(
            "services:\n  api:\n    image: a\n    image: b\n",
            List.of("compose.yaml:4:5: mapping key \"image\" already defined at line 3"),
            1),
        Arguments.of(
            "services:\n  a:\n    extends: b\n  b:\n    extends: a\n",
            List.of("compose.yaml:5:5: circular reference with extends: a -> b -> a"),
            2),
        Arguments.of(
            "services:\n  a:\n    extends: nope\n",
            List.of(
                "compose.yaml:3:14: cannot extend service \"nope\": no such service in this file"),
            1),
        Arguments.of(
            "services:\n  a:\n    extends: [b]\n",
            List.of("compose.yaml:3:14: extends must name a service: NAME or {service: NAME}"),
            1),
        Arguments.of("x-only: 1\n", List.of(), 0),
        Arguments.of("services:\n", List.of(), 0));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("badFiles")
  void reportsBadInputWithoutLosingGoodServices(String text, List<String> errors, int services) {
    ComposeFile read = ComposeReader.read("compose.yaml", text);
    List<String> printed = read.errors().stream().map(InputError::toString).toList();
    assertThat(printed).hasSameSizeAs(errors);
    for (int i = 0; i < errors.size(); i++) {
      assertThat(printed.get(i)).startsWith(errors.get(i));
    }
    assertThat(read.services()).hasSize(services);
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("compose.yaml", true),
        Arguments.of("compose.yml", true),
        Arguments.of("docker-compose.yaml", true),
        Arguments.of("docker-compose.yml", true),
        Arguments.of("docker-compose.prod.yml", true),
        Arguments.of("compose.override.yaml", true),
        Arguments.of("compose.json", false),
        Arguments.of("my-compose.yaml", false),
        Arguments.of("deployment.yaml", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void recognisesComposeFilesByName(String name, boolean expected) {
    assertThat(ComposeReader.isComposeFileName(name)).isEqualTo(expected);
  }

  static Stream<Arguments> contents() {
    return Stream.of(
        Arguments.of("services:\n  api:\n    image: a\n", true),
        Arguments.of("x-base: &b {}\nservices: {api: {<<: *b}}\n", true),
        Arguments.of("kind: Pod\nservices:\n  api: {}\n", false),
        Arguments.of("services: [a]\n", false),
        Arguments.of("apiVersion: v1\nkind: Pod\n", false),
        Arguments.of("services: {\n", false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("contents")
  void recognisesComposeFilesByContent(String text, boolean expected) {
    assertThat(ComposeReader.looksLikeCompose(text)).isEqualTo(expected);
  }
}
