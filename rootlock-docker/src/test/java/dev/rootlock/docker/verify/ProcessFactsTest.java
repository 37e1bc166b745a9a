package dev.rootlock.docker.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessFactsTest {

  @Test
  void readsEffectiveIdsCapabilitiesNoNewPrivsAndSeccomp() {
    ProcessFacts facts =
        ProcessFacts.fromStatus(
            List.of(
                "Name:\tsleep",
                "Uid:\t65534\t65534\t65534\t65534",
                "Gid:\t65534\t65534\t65534\t65534",
                "Groups:\t10 20",
                "CapEff:\t0000000000000000",
                "NoNewPrivs:\t1",
                "Seccomp:\t2"));

    assertThat(facts).isEqualTo(new ProcessFacts(65534L, 65534L, List.of(10L, 20L), 0L, true, 2));
    assertThat(facts.canRemount()).isFalse();
    assertThat(facts.allGroups()).containsExactly(10L, 20L, 65534L);
  }

  @Test
  void aPrivilegedCapabilitySetCanRemount() {
    ProcessFacts facts =
        ProcessFacts.fromStatus(
            List.of(
                "Uid:\t0\t0\t0\t0", "CapEff:\t000001ffffffffff", "NoNewPrivs:\t0", "Seccomp:\t0"));

    assertThat(facts.canRemount()).isTrue();
    assertThat(facts.noNewPrivs()).isFalse();
  }
}
