package dev.rootlock.docker.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountEntryTest {

  @Test
  void readsPerMountOptionsNotTheOverlaySuperblocks() {
    List<MountEntry> entries =
        MountEntry.parse(
            List.of(
                "1021 940 0:98 / / ro,relatime master:2 - overlay overlay rw,lowerdir=/l,upperdir=/u",
                "1030 1021 0:101 / /tmp rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,size=65536k",
                "1031 1021 0:102 / /my\\040dir rw,relatime - tmpfs tmpfs rw,mode=755,uid=1000"));

    assertThat(entries.get(0).mountPoint()).isEqualTo("/");
    assertThat(entries.get(0).writable()).isFalse();
    assertThat(entries.get(0).superOptions()).contains("rw");
    assertThat(entries.get(1).writable()).isTrue();
    assertThat(entries.get(1).optionText())
        .isEqualTo("rw,nosuid,nodev,noexec,relatime,size=65536k");
    assertThat(entries.get(2).mountPoint()).isEqualTo("/my dir");
    assertThat(entries.get(2).optionText()).isEqualTo("rw,relatime,mode=755,uid=1000");
  }
}
