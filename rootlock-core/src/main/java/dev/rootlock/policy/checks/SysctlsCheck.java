package dev.rootlock.policy.checks;

import dev.rootlock.model.FieldPath;
import dev.rootlock.model.Level;
import dev.rootlock.model.pod.Pod;
import dev.rootlock.model.pod.Sysctl;
import dev.rootlock.policy.Check;
import dev.rootlock.policy.CheckDefinition;
import dev.rootlock.policy.CheckResult;
import dev.rootlock.policy.VersionedCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Most sysctls are node-wide or can starve the node; baseline allows only those known to be safe
 * and namespaced per pod. The safe set grows as the kernel namespaces more of them.
 *
 * <p>Restricted fields: {@code spec.securityContext.sysctls[*].name}. Allowed values, matched
 * exactly: {@code kernel.shm_rmid_forced}, {@code net.ipv4.ip_local_port_range}, {@code
 * net.ipv4.tcp_syncookies}, {@code net.ipv4.ping_group_range}, {@code
 * net.ipv4.ip_unprivileged_port_start}; from v1.27 {@code net.ipv4.ip_local_reserved_ports}; from
 * v1.29 {@code net.ipv4.tcp_keepalive_time}, {@code net.ipv4.tcp_fin_timeout}, {@code
 * net.ipv4.tcp_keepalive_intvl}, {@code net.ipv4.tcp_keepalive_probes}; from v1.32 {@code
 * net.ipv4.tcp_rmem}, {@code net.ipv4.tcp_wmem}; from v1.37 {@code
 * net.ipv4.tcp_slow_start_after_idle}, {@code net.ipv4.tcp_notsent_lowat}.
 */
public final class SysctlsCheck implements Check<Pod> {

  public static final String ID = "sysctls";

  static final Set<String> ALLOWED_1_0 =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start");

  static final Set<String> ALLOWED_1_27 = plus(ALLOWED_1_0, "net.ipv4.ip_local_reserved_ports");

  static final Set<String> ALLOWED_1_29 =
      plus(
          ALLOWED_1_27,
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");

  static final Set<String> ALLOWED_1_32 =
      plus(ALLOWED_1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");

  static final Set<String> ALLOWED_1_37 =
      plus(ALLOWED_1_32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  @Override
  public CheckDefinition<Pod> definition() {
    return CheckDefinition.of(
        ID,
        Level.BASELINE,
        "Pods may set only the sysctls known to be safe and namespaced.",
        VersionedCheck.since(0, SysctlsCheck::v1_0),
        VersionedCheck.since(27, SysctlsCheck::v1_27),
        VersionedCheck.since(29, SysctlsCheck::v1_29),
        VersionedCheck.since(32, SysctlsCheck::v1_32),
        VersionedCheck.since(37, SysctlsCheck::v1_37));
  }

  static CheckResult v1_0(Pod pod) {
    return check(pod, ALLOWED_1_0);
  }

  static CheckResult v1_27(Pod pod) {
    return check(pod, ALLOWED_1_27);
  }

  static CheckResult v1_29(Pod pod) {
    return check(pod, ALLOWED_1_29);
  }

  static CheckResult v1_32(Pod pod) {
    return check(pod, ALLOWED_1_32);
  }

  static CheckResult v1_37(Pod pod) {
    return check(pod, ALLOWED_1_37);
  }

  private static CheckResult check(Pod pod, Set<String> allowed) {
    List<Sysctl> sysctls = pod.spec().securityContext().sysctls();
    List<String> bad = new ArrayList<>();
    List<FieldPath> fields = new ArrayList<>();
    for (int i = 0; i < sysctls.size(); i++) {
      String name = sysctls.get(i).name();
      if (!allowed.contains(name)) {
        bad.add(name);
        fields.add(FieldPath.of("spec", "securityContext", "sysctls").index(i).key("name"));
      }
    }
    if (bad.isEmpty()) {
      return CheckResult.ALLOWED;
    }
    // PSA lists the names as written: spec order, duplicates kept, unquoted; the reason is plural.
    return CheckResult.forbidden("forbidden sysctls", String.join(", ", bad), List.of(), fields);
  }

  private static Set<String> plus(Set<String> base, String... more) {
    return Stream.concat(base.stream(), Stream.of(more)).collect(Collectors.toUnmodifiableSet());
  }
}
