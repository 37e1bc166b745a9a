package dev.rootlock.source.dockerrun;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code docker run} (and {@code docker create}) as the Docker CLI defines them, so
 * that the parser knows which flags consume the next argument and can find the IMAGE. Hidden
 * aliases ({@code --net}, {@code --net-alias}, {@code --dns-opt}) are included; flags that were
 * removed from the CLI are accepted as unknown.
 */
final class RunFlags {

  private static final List<String> VALUE_FLAGS =
      List.of(
          "add-host",
          "annotation",
          "attach:a",
          "blkio-weight",
          "blkio-weight-device",
          "cap-add",
          "cap-drop",
          "cgroup-parent",
          "cgroupns",
          "cidfile",
          "cpu-count",
          "cpu-percent",
          "cpu-period",
          "cpu-quota",
          "cpu-rt-period",
          "cpu-rt-runtime",
          "cpu-shares:c",
          "cpus",
          "cpuset-cpus",
          "cpuset-mems",
          "detach-keys",
          "device",
          "device-cgroup-rule",
          "device-read-bps",
          "device-read-iops",
          "device-write-bps",
          "device-write-iops",
          "dns",
          "dns-opt",
          "dns-option",
          "dns-search",
          "domainname",
          "entrypoint",
          "env:e",
          "env-file",
          "expose",
          "gpus",
          "group-add",
          "health-cmd",
          "health-interval",
          "health-retries",
          "health-start-interval",
          "health-start-period",
          "health-timeout",
          "hostname:h",
          "io-maxbandwidth",
          "io-maxiops",
          "ip",
          "ip6",
          "ipc",
          "isolation",
          "kernel-memory",
          "label:l",
          "label-file",
          "link",
          "link-local-ip",
          "log-driver",
          "log-opt",
          "mac-address",
          "memory:m",
          "memory-reservation",
          "memory-swap",
          "memory-swappiness",
          "mount",
          "name",
          "net",
          "net-alias",
          "network",
          "network-alias",
          "oom-score-adj",
          "pid",
          "pids-limit",
          "platform",
          "publish:p",
          "pull",
          "restart",
          "runtime",
          "security-opt",
          "shm-size",
          "stop-signal",
          "stop-timeout",
          "storage-opt",
          "sysctl",
          "tmpfs",
          "ulimit",
          "user:u",
          "userns",
          "uts",
          "volume:v",
          "volume-driver",
          "volumes-from",
          "workdir:w");

  private static final List<String> SWITCHES =
      List.of(
          "detach:d",
          "disable-content-trust",
          "help",
          "init",
          "interactive:i",
          "no-healthcheck",
          "oom-kill-disable",
          "privileged",
          "publish-all:P",
          "quiet:q",
          "read-only",
          "rm",
          "sig-proxy",
          "tty:t",
          "use-api-socket");

  private static final Map<String, RunFlag> BY_NAME = new HashMap<>();
  private static final Map<Character, RunFlag> BY_SHORTHAND = new HashMap<>();

  static {
    VALUE_FLAGS.forEach(spec -> register(spec, true));
    SWITCHES.forEach(spec -> register(spec, false));
  }

  private RunFlags() {}

  /** The flag called {@code --name}, or null when the CLI has none. */
  static RunFlag byName(String name) {
    return BY_NAME.get(name);
  }

  /** The flag called {@code -c}, or null when the CLI has none. */
  static RunFlag byShorthand(char shorthand) {
    return BY_SHORTHAND.get(shorthand);
  }

  private static void register(String spec, boolean takesValue) {
    int colon = spec.indexOf(':');
    String name = colon < 0 ? spec : spec.substring(0, colon);
    char shorthand = colon < 0 ? 0 : spec.charAt(colon + 1);
    RunFlag flag = new RunFlag(name, shorthand, takesValue);
    BY_NAME.put(name, flag);
    if (shorthand != 0) {
      BY_SHORTHAND.put(shorthand, flag);
    }
  }
}
