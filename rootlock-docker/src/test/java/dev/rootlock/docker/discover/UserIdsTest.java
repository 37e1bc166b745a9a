package dev.rootlock.docker.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserIdsTest {

  private static final byte[] PASSWD =
      """
       root:x:0:0:root:/root:/bin/sh
       app:x:1000:1001:app:/home/app:/bin/sh
       """
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] GROUP = "root:x:0:\nstaff:x:50:\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void resolvesNamesAndNumbersLikeTheRuntime() {
    assertThat(UserIds.resolve("", PASSWD, GROUP)).isEqualTo(new UserIds(0, 0));
    assertThat(UserIds.resolve("app", PASSWD, GROUP)).isEqualTo(new UserIds(1000, 1001));
    assertThat(UserIds.resolve("1000", PASSWD, GROUP)).isEqualTo(new UserIds(1000, 1001));
    assertThat(UserIds.resolve("2000", PASSWD, GROUP)).isEqualTo(new UserIds(2000, 0));
    assertThat(UserIds.resolve("app:staff", PASSWD, GROUP)).isEqualTo(new UserIds(1000, 50));
    assertThat(UserIds.resolve("65534:65534", PASSWD, GROUP)).isEqualTo(new UserIds(65534, 65534));
  }

  @Test
  void anUnknownNameIsAnError() {
    assertThatThrownBy(() -> UserIds.resolve("nobody", PASSWD, GROUP))
        .hasMessage("user nobody is not in the image's /etc/passwd");
  }
}
