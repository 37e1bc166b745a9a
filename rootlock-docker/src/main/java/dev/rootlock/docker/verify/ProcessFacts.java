package dev.rootlock.docker.verify;

import java.util.List;

/**
 * The container process's identity and privileges: effective uid/gid, CapEff as a bit mask (null
 * when unknown), NoNewPrivs and the Seccomp mode (0 off, 1 strict, 2 filter; null when unknown).
 */
public record ProcessFacts(
    Long uid, Long gid, List<Long> groups, Long capEff, Boolean noNewPrivs, Integer seccomp) {

  /** CAP_SYS_ADMIN: enough to remount the root read-write. */
  static final int CAP_SYS_ADMIN = 21;

  public ProcessFacts {
    groups = List.copyOf(groups);
  }

  /** Parses /proc/PID/status. */
  public static ProcessFacts fromStatus(List<String> status) {
    Long uid = null;
    Long gid = null;
    List<Long> groups = List.of();
    Long capEff = null;
    Boolean noNewPrivs = null;
    Integer seccomp = null;
    for (String line : status) {
      String[] kv = line.split(":\\s*", 2);
      if (kv.length != 2) {
        continue;
      }
      String value = kv[1].strip();
      switch (kv[0]) {
        case "Uid" -> uid = Long.parseLong(value.split("\\s+", -1)[1]); // effective
        case "Gid" -> gid = Long.parseLong(value.split("\\s+", -1)[1]);
        case "Groups" ->
            groups =
                value.isEmpty()
                    ? List.of()
                    : java.util.Arrays.stream(value.split("\\s+")).map(Long::parseLong).toList();
        case "CapEff" -> capEff = Long.parseUnsignedLong(value, 16);
        case "NoNewPrivs" -> noNewPrivs = "1".equals(value);
        case "Seccomp" -> seccomp = Integer.parseInt(value);
        default -> {}
      }
    }
    return new ProcessFacts(uid, gid, groups, capEff, noNewPrivs, seccomp);
  }

  public boolean canRemount() {
    return capEff != null && (capEff & (1L << CAP_SYS_ADMIN)) != 0;
  }

  /** All of gid and supplementary groups, for permission checks. */
  public List<Long> allGroups() {
    List<Long> all = new java.util.ArrayList<>(groups);
    if (gid != null) {
      all.add(gid);
    }
    return all;
  }
}
