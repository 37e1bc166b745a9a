package dev.rootlock.policy.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.docker.DockerObject;
import dev.rootlock.policy.Decision;
import dev.rootlock.source.compose.ComposeFile;
import dev.rootlock.source.compose.ComposeReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Compose syntax the checks depend on, read from text and judged at {@code hardened}, in a
 * compliant and a non-compliant form. Each case starts from a fully hardened service and rewrites
 * only the keys it writes.
 */
class ComposeVariantsTest {

  private static final Map<String, String> HARDENED = new LinkedHashMap<>();

  static {
    HARDENED.put("read_only", "read_only: true");
    HARDENED.put("user", "user: \"10001:10001\"");
    HARDENED.put("cap_drop", "cap_drop: [ALL]");
    HARDENED.put("security_opt", "security_opt: [no-new-privileges:true]");
    HARDENED.put("tmpfs", "tmpfs: /tmp:size=64m");
  }

  /** The hardened service with {@code body}'s top-level keys replacing its own. */
  static String hardenedWith(String body) {
    Map<String, String> keys = new LinkedHashMap<>(HARDENED);
    List<String> own = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      if (!line.startsWith(" ") && !line.startsWith("-") && line.contains(":")) {
        String key = line.substring(0, line.indexOf(':'));
        keys.remove(key);
        if (line.startsWith("<<")) {
          keys.clear();
        }
      }
      own.add(line);
    }
    List<String> lines = new ArrayList<>(keys.values());
    lines.addAll(own);
    return "services:\n  api:\n    image: example/api:1\n" + String.join("\n", lines).indent(4);
  }

  static String detail(String composeText) {
    ComposeFile read = ComposeReader.read("compose.yaml", composeText);
    assertThat(read.errors()).isEmpty();
    DockerObject api = read.services().get(read.services().size() - 1);
    Decision decision =
        DockerChecks.registry().evaluate(LevelVersion.parse("hardened"), api.config());
    return decision.detail();
  }

  private static Arguments ok(String body) {
    return Arguments.of(body, "");
  }

  private static Arguments bad(String body, String detail) {
    return Arguments.of(body, detail);
  }

  static Stream<Arguments> variants() {
    return Stream.of(
        ok(""),
        ok("read_only: TRUE"),
        ok("read_only: yes"),
        bad("read_only: false", "read_only != true (service \"api\" must set read_only: true)"),
        bad("read_only: off", "read_only != true (service \"api\" must set read_only: true)"),
        bad("read_only: \"${RO}\"", "read_only != true (service \"api\" must set read_only: true)"),
        ok("tmpfs:\n  - /tmp:rw,noexec,nosuid,size=64m\n  - /run:size=1m"),
        ok(
            """
            tmpfs: []
            volumes:
              - type: tmpfs
                target: /tmp
                tmpfs:
                  size: 67108864\
            """),
        bad(
            "tmpfs: /tmp",
            "unrestricted tmpfs (service \"api\" must set a size on tmpfs \"/tmp\")"),
        bad(
            "tmpfs:\n  - /tmp:size=1m\n  - /run:exec,size=1m",
            "unrestricted tmpfs (service \"api\" must not mount tmpfs \"/run\" with exec)"),
        bad(
            "tmpfs: []\nvolumes:\n  - {type: tmpfs, target: /cache}",
            "unrestricted tmpfs (service \"api\" must set a size on tmpfs \"/cache\")"),
        ok("volumes:\n  - ./config:/etc/app:ro\n  - data:/var/lib/app"),
        ok(
            """
            volumes:
              - type: bind
                source: ./config
                target: /etc/app
                read_only: true\
            """),
        bad(
            "volumes:\n  - ./config:/etc/app",
            "writable bind mounts (service \"api\" must mount host path \"./config\" read-only),"
                + " writable system paths (service \"api\" must mount \"/etc/app\" read-only)"),
        bad(
            "volumes:\n  - ./data:/data:z",
            "writable bind mounts (service \"api\" must mount host path \"./data\" read-only)"),
        bad(
            "volumes:\n  - {type: volume, source: bin, target: /usr/local/bin}",
            "writable system paths (service \"api\" must mount \"/usr/local/bin\" read-only)"),
        ok("cap_drop: [all]\ncap_add: [NET_BIND_SERVICE]"),
        ok("cap_drop:\n  - All\ncap_add:\n  - cap_net_bind_service"),
        bad(
            "cap_drop:\n  - CAP_ALL\ncap_add:\n  - cap_net_bind_service",
            "unrestricted capabilities (service \"api\" must set cap_drop: [ALL])"),
        bad(
            "cap_drop: [NET_RAW]",
            "unrestricted capabilities (service \"api\" must set cap_drop: [ALL])"),
        bad(
            "cap_add: [sys_admin]",
            "unrestricted capabilities (service \"api\" must not include \"SYS_ADMIN\" in"
                + " cap_add)"),
        ok("security_opt: [no-new-privileges]"),
        ok("security_opt:\n  - no-new-privileges=true\n  - apparmor=docker-default"),
        bad(
            "security_opt: [no-new-privileges:false]",
            "no-new-privileges != true (service \"api\" must set security_opt:"
                + " [no-new-privileges:true])"),
        bad(
            "security_opt:\n  - no-new-privileges:true\n  - seccomp=unconfined\n  - label:disable",
            "unconfined security options (service \"api\" must not include \"label:disable\","
                + " \"seccomp=unconfined\" in security_opt)"),
        bad(
            "security_opt: [no-new-privileges, apparmor=unconfined]",
            "unconfined security options (service \"api\" must not include"
                + " \"apparmor=unconfined\" in security_opt)"),
        ok("user: app"),
        ok("user: 1000"),
        bad("user: root", "root user (service \"api\" must not set user: root)"),
        bad("user: \"0:0\"", "root user (service \"api\" must not set user: 0:0)"),
        bad("user:", "root user (service \"api\" must set user to a non-root UID)"),
        ok("privileged: false"),
        bad("privileged: true", "privileged (service \"api\" must not set privileged: true)"),
        ok("network_mode: bridge\npid: \"service:db\"\nipc: private\nuts: \"\"\nuserns_mode: \"\""),
        bad(
            "network_mode: host\npid: host\nipc: host\nuts: host\nuserns_mode: host",
            "host namespaces (service \"api\" must not set network_mode: host, pid: host, ipc:"
                + " host, uts: host, userns_mode: host)"),
        ok("devices: []"),
        bad(
            "devices: [/dev/fuse]",
            "host devices (service \"api\" must not include \"/dev/fuse\" in devices)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("variants")
  void judgesEachSyntax(String body, String expectedDetail) {
    assertThat(detail(hardenedWith(body))).isEqualTo(expectedDetail);
  }

  private static final String SHARED =
      """
      x-hardening: &hardening
        read_only: true
        user: "10001"
        cap_drop: [ALL]
        security_opt: [no-new-privileges:true]
        tmpfs: /tmp:size=64m
      services:
        base:
          <<: *hardening
          image: a
        merged-bad:
          <<: *hardening
          read_only: false
          image: b
        extended:
          extends: base
        extended-bad:
          extends:
            service: base
          cap_add: [NET_ADMIN]
          tmpfs: [/run]
      """;

  static Stream<Arguments> sharedServices() {
    return Stream.of(
        Arguments.of("base", ""),
        Arguments.of(
            "merged-bad", "read_only != true (service \"merged-bad\" must set read_only: true)"),
        Arguments.of("extended", ""),
        Arguments.of(
            "extended-bad",
            "unrestricted capabilities (service \"extended-bad\" must not include \"NET_ADMIN\""
                + " in cap_add), unrestricted tmpfs (service \"extended-bad\" must set a size on"
                + " tmpfs \"/run\")"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sharedServices")
  void judgesMergeKeysAndExtends(String service, String expectedDetail) {
    ComposeFile read = ComposeReader.read("compose.yaml", SHARED);
    assertThat(read.errors()).isEmpty();
    DockerObject object =
        read.services().stream()
            .filter(s -> s.config().name().equals(service))
            .findFirst()
            .orElseThrow();
    assertThat(
            DockerChecks.registry()
                .evaluate(LevelVersion.parse("hardened"), object.config())
                .detail())
        .isEqualTo(expectedDetail);
  }
}
