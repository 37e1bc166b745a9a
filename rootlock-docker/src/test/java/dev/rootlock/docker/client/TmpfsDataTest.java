package dev.rootlock.docker.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TmpfsDataTest {

  @Test
  void modeIsOctalAndSizeTakesTheLargestEvenSuffix() {
    assertThat(TmpfsData.of(16L << 20, 01777, false)).isEqualTo("mode=1777,size=16m");
    assertThat(TmpfsData.of(1L << 30, null, false)).isEqualTo("size=1g");
    assertThat(TmpfsData.of(3072L, null, false)).isEqualTo("size=3k");
  }

  @Test
  void aSizeNoSuffixDividesStaysInBytes() {
    assertThat(TmpfsData.of(1536L, null, false)).isEqualTo("size=1536");
  }

  @Test
  void readOnlyComesFirst() {
    assertThat(TmpfsData.of(64L << 20, 0700, true)).isEqualTo("ro,mode=700,size=64m");
  }

  @Test
  void zeroOrMissingValuesGiveNoOption() {
    assertThat(TmpfsData.of(null, null, false)).isEmpty();
    assertThat(TmpfsData.of(0L, 0, false)).isEmpty();
  }
}
