package dev.rootlock.model.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.FieldPath;
import org.junit.jupiter.api.Test;

/** Tests for {@link TmpfsMount}. */
class TmpfsMountTest {

  private static final FieldPath AT = FieldPath.of("tmpfs").index(0);

  @Test
  void readsTheSeedsTmp() {
    TmpfsMount mount = TmpfsMount.parse("/tmp:rw,noexec,nosuid,size=64m", AT);
    assertThat(mount)
        .isEqualTo(
            new TmpfsMount(
                "/tmp",
                "64m",
                67108864L,
                null,
                false,
                false,
                false,
                java.util.List.of("rw", "noexec", "nosuid", "size=64m"),
                AT));
    assertThat(mount.bounded()).isTrue();
  }

  @Test
  void aBarePathGetsDockersDefaultsAndNoSize() {
    TmpfsMount mount = TmpfsMount.parse("/run", AT);
    assertThat(mount.target()).isEqualTo("/run");
    assertThat(mount.options()).isEmpty();
    assertThat(mount.exec()).isFalse();
    assertThat(mount.suid()).isFalse();
    assertThat(mount.bounded()).isFalse();
  }

  @Test
  void theLastFlagWins() {
    TmpfsMount mount = TmpfsMount.parse("/x:exec,suid,ro,noexec,rw,mode=1770", AT);
    assertThat(mount.exec()).isFalse();
    assertThat(mount.suid()).isTrue();
    assertThat(mount.readOnly()).isFalse();
    assertThat(mount.mode()).isEqualTo("1770");
  }

  @Test
  void splitsAtTheFirstColonAndSkipsEmptyOptions() {
    TmpfsMount mount = TmpfsMount.parse("/x: size=1k ,,", AT);
    assertThat(mount.options()).containsExactly("size=1k");
    assertThat(mount.sizeBytes()).isEqualTo(1024L);
  }

  @Test
  void aPercentageBoundsWithoutAByteCount() {
    TmpfsMount mount = TmpfsMount.parse("/x:size=25%", AT);
    assertThat(mount.size()).isEqualTo("25%");
    assertThat(mount.sizeBytes()).isNull();
    assertThat(mount.bounded()).isTrue();
  }

  @Test
  void longSyntaxReadsRamSizes() {
    TmpfsMount mount = TmpfsMount.ofLongSyntax("/cache", "1gb", "1777", false, AT);
    assertThat(mount.sizeBytes()).isEqualTo(1073741824L);
    assertThat(mount.mode()).isEqualTo("1777");
    assertThat(mount.exec()).isFalse();
    assertThat(TmpfsMount.ofLongSyntax("/cache", "0", null, false, AT).bounded()).isFalse();
  }
}
