package dev.rootlock.docker.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel mount data the daemon builds for a {@code --mount type=tmpfs} (moby's {@code
 * ConvertTmpfsOptions}): {@code ro} when read-only, {@code mode=} in octal, and {@code size=} with
 * the largest of {@code g}, {@code m}, {@code k} that divides the byte count evenly (else plain
 * bytes). The result reads like a {@code --tmpfs} option list, which is what both become.
 */
final class TmpfsData {

  private static final long[] DIVISORS = {1L << 30, 1L << 20, 1L << 10};
  private static final String[] SUFFIXES = {"g", "m", "k"};

  private TmpfsData() {}

  static String of(Long sizeBytes, Integer mode, boolean readOnly) {
    List<String> options = new ArrayList<>();
    if (readOnly) {
      options.add("ro");
    }
    if (mode != null && mode != 0) {
      options.add("mode=" + Integer.toOctalString(mode));
    }
    if (sizeBytes != null && sizeBytes != 0) {
      long size = sizeBytes;
      String suffix = "";
      for (int i = 0; i < DIVISORS.length; i++) {
        if (size % DIVISORS[i] == 0) {
          size /= DIVISORS[i];
          suffix = SUFFIXES[i];
          break;
        }
      }
      options.add("size=" + size + suffix);
    }
    return String.join(",", options);
  }
}
