package dev.rootlock.model.docker;

import dev.rootlock.model.FieldPath;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A tmpfs mounted into the container, from Compose {@code tmpfs:} or {@code volumes: - type:
 * tmpfs}, {@code --tmpfs} or {@code --mount type=tmpfs}. Docker mounts every tmpfs {@code
 * rw,nosuid,nodev,noexec} unless told otherwise, but with no size limit: a kernel tmpfs without one
 * may grow to half the host's memory.
 *
 * @param size the size as written ({@code 64m}, {@code 67108864}, {@code 50%}), or null when none
 * @param sizeBytes the size in bytes, or null when none was given or it is a percentage
 * @param mode the mode as written ({@code 1777}), or null
 * @param readOnly whether mounted {@code ro}
 * @param exec whether the options, read in order, end up allowing execution
 * @param suid whether the options, read in order, end up honouring set-user-ID bits
 * @param options the mount options as written, in order (empty for the long syntaxes)
 * @param path where the mount is written, e.g. {@code tmpfs[1]} or {@code volumes[0]}
 */
public record TmpfsMount(
    String target,
    String size,
    Long sizeBytes,
    String mode,
    boolean readOnly,
    boolean exec,
    boolean suid,
    List<String> options,
    FieldPath path) {

  public TmpfsMount {
    options = List.copyOf(options);
  }

  /**
   * Reads the short syntax {@code PATH[:OPTIONS]} shared by {@code --tmpfs} and Compose {@code
   * tmpfs:}: the path up to the first colon, then comma-separated kernel mount options applied
   * after Docker's defaults, so the last of {@code exec}/{@code noexec} (and {@code suid}/{@code
   * nosuid}, {@code ro}/{@code rw}) wins.
   */
  public static TmpfsMount parse(String spec, FieldPath path) {
    int colon = spec.indexOf(':');
    String target = colon < 0 ? spec : spec.substring(0, colon);
    List<String> options = new ArrayList<>();
    if (colon >= 0) {
      for (String option : spec.substring(colon + 1).split(",", -1)) {
        if (!option.isBlank()) {
          options.add(option.trim());
        }
      }
    }
    return fromOptions(target, options, path);
  }

  /** A tmpfs at {@code target} with kernel mount options, as {@link #parse} reads them. */
  public static TmpfsMount fromOptions(String target, List<String> options, FieldPath path) {
    boolean readOnly = false;
    boolean exec = false;
    boolean suid = false;
    String size = null;
    String mode = null;
    for (String option : options) {
      switch (option) {
        case "ro" -> readOnly = true;
        case "rw" -> readOnly = false;
        case "exec" -> exec = true;
        case "noexec" -> exec = false;
        case "suid" -> suid = true;
        case "nosuid" -> suid = false;
        default -> {
          if (option.startsWith("size=")) {
            size = option.substring("size=".length());
          } else if (option.startsWith("mode=")) {
            mode = option.substring("mode=".length());
          }
        }
      }
    }
    OptionalLong bytes = size == null ? OptionalLong.empty() : ByteSize.parseMountOption(size);
    Long sizeBytes = bytes.isPresent() ? bytes.getAsLong() : null;
    return new TmpfsMount(target, size, sizeBytes, mode, readOnly, exec, suid, options, path);
  }

  /**
   * A tmpfs from a long syntax ({@code --mount type=tmpfs,tmpfs-size=...}, Compose {@code
   * tmpfs.size}), whose sizes are go-units RAM sizes and which Docker always mounts noexec and
   * nosuid.
   */
  public static TmpfsMount ofLongSyntax(
      String target, String size, String mode, boolean readOnly, FieldPath path) {
    OptionalLong bytes = size == null ? OptionalLong.empty() : ByteSize.parseRam(size);
    Long sizeBytes = bytes.isPresent() ? bytes.getAsLong() : null;
    return new TmpfsMount(target, size, sizeBytes, mode, readOnly, false, false, List.of(), path);
  }

  /** Whether the tmpfs has a size limit: a size was given and it is not zero (zero means none). */
  public boolean bounded() {
    return size != null && !ByteSize.isZero(size);
  }
}
