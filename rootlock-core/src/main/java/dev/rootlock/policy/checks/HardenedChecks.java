package dev.rootlock.policy.checks;

import dev.rootlock.model.pod.Pod;
import dev.rootlock.policy.Check;
import java.util.List;

/**
 * rootlock's own checks, which make {@code restricted} into {@code hardened}: the explicit list.
 */
public final class HardenedChecks {

  private HardenedChecks() {}

  public static List<Check<Pod>> all() {
    return List.of(
        new MisplacedReadOnlyRootFilesystemCheck(),
        new ReadOnlyRootFilesystemCheck(),
        new UnboundedMemoryVolumesCheck(),
        new WritableSystemPathsCheck(),
        new UnknownFieldCheck(),
        new SensitiveHostPathsCheck());
  }
}
