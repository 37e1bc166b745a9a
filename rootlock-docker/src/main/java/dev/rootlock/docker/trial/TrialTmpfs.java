package dev.rootlock.docker.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tmpfs mount of a trial, with every option it runs with: always {@code rw}; {@code noexec},
 * {@code nosuid}, {@code nodev} as set; a size in bytes (0: the engine's default, half the host's
 * memory, which rootlock never proposes); an octal {@code mode} (-1: the engine's default, 1777 for
 * a new mount point, the image directory's mode over an existing one); {@code uid}/{@code gid} of
 * the mount's root (-1: root's).
 */
public record TrialTmpfs(
    String path,
    long sizeBytes,
    boolean noexec,
    boolean nosuid,
    boolean nodev,
    int mode,
    long uid,
    long gid) {

  private static final long MIB = 1L << 20;
  private static final long KIB = 1L << 10;

  public TrialTmpfs {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a tmpfs mount point must be absolute, got " + path);
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("tmpfs size must not be negative: " + sizeBytes);
    }
  }

  /** rw,noexec,nosuid,nodev with a size in MiB, the engine's mode and root ownership. */
  public static TrialTmpfs of(String path, long sizeMib) {
    return new TrialTmpfs(path, sizeMib * MIB, true, true, true, -1, -1, -1);
  }

  public TrialTmpfs withOwner(long newUid, long newGid) {
    return new TrialTmpfs(path, sizeBytes, noexec, nosuid, nodev, mode, newUid, newGid);
  }

  public TrialTmpfs withMode(int newMode) {
    return new TrialTmpfs(path, sizeBytes, noexec, nosuid, nodev, newMode, uid, gid);
  }

  public TrialTmpfs withSizeBytes(long newSize) {
    return new TrialTmpfs(path, newSize, noexec, nosuid, nodev, mode, uid, gid);
  }

  public TrialTmpfs withExec() {
    return new TrialTmpfs(path, sizeBytes, false, nosuid, nodev, mode, uid, gid);
  }

  /**
   * The option string as {@code --tmpfs PATH:OPTIONS} and Compose's {@code tmpfs:} take it, e.g.
   * {@code rw,noexec,nosuid,nodev,size=64m,uid=1000,gid=1000}.
   */
  public String options() {
    List<String> options = new ArrayList<>();
    options.add("rw");
    if (noexec) {
      options.add("noexec");
    }
    if (nosuid) {
      options.add("nosuid");
    }
    if (nodev) {
      options.add("nodev");
    }
    if (sizeBytes > 0) {
      options.add("size=" + size(sizeBytes));
    }
    if (mode >= 0) {
      options.add("mode=" + Integer.toOctalString(mode));
    }
    if (uid >= 0) {
      options.add("uid=" + uid);
    }
    if (gid >= 0) {
      options.add("gid=" + gid);
    }
    return String.join(",", options);
  }

  /** {@code PATH:OPTIONS}, the value of {@code --tmpfs} and of a Compose {@code tmpfs:} item. */
  public String spec() {
    return path + ":" + options();
  }

  /** Size in whole MiB, rounded up (0 when unset). */
  public long sizeMib() {
    return (sizeBytes + MIB - 1) / MIB;
  }

  private static String size(long bytes) {
    if (bytes % MIB == 0) {
      return bytes / MIB + "m";
    }
    if (bytes % KIB == 0) {
      return bytes / KIB + "k";
    }
    return Long.toString(bytes);
  }

  /**
   * Reads a {@code --tmpfs PATH[:OPTIONS]} value as Docker does: unknown options are rejected with
   * the flag's value in the message; {@code exec}, {@code suid}, {@code dev} clear their no- forms.
   */
  public static TrialTmpfs parse(String value) {
    int colon = value.indexOf(':');
    String path = colon < 0 ? value : value.substring(0, colon);
    String options = colon < 0 ? "" : value.substring(colon + 1);
    boolean noexec = false;
    boolean nosuid = false;
    boolean nodev = false;
    long size = 0;
    int mode = -1;
    long uid = -1;
    long gid = -1;
    for (String option : options.isEmpty() ? new String[0] : options.split(",")) {
      String o = option.strip().toLowerCase(Locale.ROOT);
      switch (o) {
        case "rw", "" -> {}
        case "noexec" -> noexec = true;
        case "exec" -> noexec = false;
        case "nosuid" -> nosuid = true;
        case "suid" -> nosuid = false;
        case "nodev" -> nodev = true;
        case "dev" -> nodev = false;
        default -> {
          if (o.startsWith("size=")) {
            size = parseSize(o.substring(5), value);
          } else if (o.startsWith("mode=")) {
            mode = Integer.parseInt(o.substring(5), 8);
          } else if (o.startsWith("uid=")) {
            uid = Long.parseLong(o.substring(4));
          } else if (o.startsWith("gid=")) {
            gid = Long.parseLong(o.substring(4));
          } else {
            throw new IllegalArgumentException(
                "unsupported tmpfs option '" + option + "' in " + value);
          }
        }
      }
    }
    return new TrialTmpfs(path, size, noexec, nosuid, nodev, mode, uid, gid);
  }

  private static long parseSize(String text, String value) {
    if (text.endsWith("%")) {
      throw new IllegalArgumentException("a tmpfs size in percent cannot be proven: " + value);
    }
    char unit = text.isEmpty() ? '0' : text.charAt(text.length() - 1);
    long factor =
        switch (unit) {
          case 'k' -> KIB;
          case 'm' -> MIB;
          case 'g' -> 1L << 30;
          default -> 1;
        };
    String digits = factor == 1 ? text : text.substring(0, text.length() - 1);
    try {
      return Long.parseLong(digits) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tmpfs size '" + text + "' is not a number in " + value);
    }
  }
}
