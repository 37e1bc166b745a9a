package dev.rootlock.model.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootlock.model.FieldPath;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link Mount#parseShortSyntax}. */
class MountTest {

  private static final FieldPath AT = FieldPath.of("volumes").index(0);

  static Stream<Arguments> specs() {
    return Stream.of(
        Arguments.of("/data", MountType.VOLUME, null, "/data", false),
        Arguments.of("/d", MountType.VOLUME, null, "/d", false),
        Arguments.of("data:/data", MountType.VOLUME, "data", "/data", false),
        Arguments.of("data:/data:ro", MountType.VOLUME, "data", "/data", true),
        Arguments.of("./data:/data", MountType.BIND, "./data", "/data", false),
        Arguments.of("../data:/data:rw", MountType.BIND, "../data", "/data", false),
        Arguments.of("~/conf:/conf:ro,z", MountType.BIND, "~/conf", "/conf", true),
        Arguments.of("/etc/x:/etc/x:z", MountType.BIND, "/etc/x", "/etc/x", false),
        Arguments.of("/a:/b:ro,rw", MountType.BIND, "/a", "/b", false),
        Arguments.of("/a:/b:rw,ro", MountType.BIND, "/a", "/b", true),
        Arguments.of("/a:/b:nocopy,rshared", MountType.BIND, "/a", "/b", false),
        Arguments.of("C:\\data:/data", MountType.BIND, "C:\\data", "/data", false),
        Arguments.of("\\\\.\\pipe\\x:/p", MountType.BIND, "\\\\.\\pipe\\x", "/p", false),
        Arguments.of("a:b:c:d", MountType.BIND, "a:b", "c:d", false),
        Arguments.of("${DATA:-./data}:/data", MountType.BIND, "${DATA:-./data}", "/data", false),
        Arguments.of("${DATA-db}:/data:ro", MountType.VOLUME, "${DATA-db}", "/data", true),
        Arguments.of("${DATA}:/data", MountType.BIND, "${DATA}", "/data", false),
        Arguments.of("${DATA:-}:/data", MountType.BIND, "${DATA:-}", "/data", false),
        Arguments.of("${CONFIG}/web:/config", MountType.BIND, "${CONFIG}/web", "/config", false),
        Arguments.of("$HOME/.cache:/c:ro", MountType.BIND, "$HOME/.cache", "/c", true),
        Arguments.of("${PROJECT}_data:/d", MountType.VOLUME, "${PROJECT}_data", "/d", false),
        Arguments.of(
            "db:${TARGET:-/var/lib/db}", MountType.VOLUME, "db", "${TARGET:-/var/lib/db}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void readsComposeShortSyntax(
      String spec, MountType type, String source, String target, boolean readOnly) {
    assertThat(Mount.parseShortSyntax(spec, AT))
        .isEqualTo(new Mount(type, source, target, readOnly, AT));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "invalid empty volume spec"),
        Arguments.of("/a::ro", "invalid spec: /a::ro: empty section between colons"),
        Arguments.of("/a:/b:", "invalid spec: /a:/b:: empty section between colons"),
        Arguments.of(":/b", "invalid spec: :/b: empty section between colons"),
        Arguments.of("/a:/b:ro:x", "invalid spec: /a:/b:ro:x: too many colons"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void refusesWhatComposeRefuses(String spec, String message) {
    assertThatThrownBy(() -> Mount.parseShortSyntax(spec, AT)).hasMessage(message);
  }
}
