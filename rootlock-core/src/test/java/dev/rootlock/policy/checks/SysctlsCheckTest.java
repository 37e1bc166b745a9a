package dev.rootlock.policy.checks;

import static dev.rootlock.testing.PodDraft.pod;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.testing.CheckCase;
import dev.rootlock.testing.SingleCheck;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link SysctlsCheck}. */
class SysctlsCheckTest {

  static Stream<CheckCase<Pod>> cases() {
    return Stream.of(
        CheckCase.passes("none", pod(p -> p.container("a"))),
        CheckCase.passes(
            "every v1.0 sysctl",
            pod(
                p ->
                    p.sysctl("kernel.shm_rmid_forced", "1")
                        .sysctl("net.ipv4.ip_local_port_range", "1024 65535")
                        .sysctl("net.ipv4.tcp_syncookies", "1")
                        .sysctl("net.ipv4.ping_group_range", "0 0")
                        .sysctl("net.ipv4.ip_unprivileged_port_start", "0"))),
        CheckCase.fails(
            "one name, still the plural reason",
            pod(p -> p.sysctl("kernel.msgmax", "1")),
            "kernel.msgmax"),
        CheckCase.fails(
            "no slash normalisation",
            pod(p -> p.sysctl("net/ipv4/tcp_syncookies", "1")),
            "net/ipv4/tcp_syncookies"),
        CheckCase.fails(
            "spec order, duplicates kept, allowed ones skipped",
            pod(
                p ->
                    p.sysctl("net.ipv4.ip_forward", "1")
                        .sysctl("kernel.shm_rmid_forced", "1")
                        .sysctl("kernel.msgmax", "1")
                        .sysctl("net.ipv4.ip_forward", "0")),
            "net.ipv4.ip_forward, kernel.msgmax, net.ipv4.ip_forward"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detail(CheckCase<Pod> expected) {
    SingleCheck.assertResult(SysctlsCheck.v1_0(expected.subject()), expected, "forbidden sysctls");
  }

  static Stream<Arguments> additions() {
    return Stream.of(
        Arguments.of(27, "net.ipv4.ip_local_reserved_ports"),
        Arguments.of(29, "net.ipv4.tcp_keepalive_time"),
        Arguments.of(29, "net.ipv4.tcp_fin_timeout"),
        Arguments.of(29, "net.ipv4.tcp_keepalive_intvl"),
        Arguments.of(29, "net.ipv4.tcp_keepalive_probes"),
        Arguments.of(32, "net.ipv4.tcp_rmem"),
        Arguments.of(32, "net.ipv4.tcp_wmem"),
        Arguments.of(37, "net.ipv4.tcp_slow_start_after_idle"),
        Arguments.of(37, "net.ipv4.tcp_notsent_lowat"));
  }

  @ParameterizedTest(name = "{1} from v1.{0}")
  @MethodSource("additions")
  void allowedFromItsVersionOn(int since, String name) {
    Pod pod = pod(p -> p.sysctl(name, "1"));
    SysctlsCheck check = new SysctlsCheck();
    CheckResult before = SingleCheck.atVersion(check, since - 1, pod);
    assertThat(before.allowed()).isFalse();
    assertThat(before.detail()).isEqualTo(name);
    assertThat(SingleCheck.atVersion(check, since, pod)).isEqualTo(CheckResult.ALLOWED);
    assertThat(SingleCheck.atVersion(check, 37, pod)).isEqualTo(CheckResult.ALLOWED);
  }

  @Test
  void namesEachOffendingName() {
    CheckResult result =
        SysctlsCheck.v1_37(
            pod(
                p ->
                    p.container("a")
                        .sysctl("net.ipv4.tcp_rmem", "x")
                        .sysctl("kernel.msgmax", "1")));
    assertThat(result.containers()).isEmpty();
    assertThat(result.fields().stream().map(Object::toString))
        .containsExactly("spec.securityContext.sysctls[1].name");
  }
}
