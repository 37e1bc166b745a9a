package dev.rootlock.config;

import dev.rootlock.model.Level;
import dev.rootlock.model.PolicyVersion;
import dev.rootlock.policy.exempt.Exemption;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code .rootlock.yaml}: defaults for the policy, exemptions and a baseline, shared by every
 * verb.
 *
 * @param file where it was read from, or null for the empty config
 * @param level the default level, or null when the file names none
 * @param version the default policy version, or null when the file names none
 * @param baseline the baseline file, resolved against the config file's directory, or null
 */
public record RootlockConfig(
    Path file, Level level, PolicyVersion version, List<Exemption> exemptions, Path baseline) {

  /** No config file: no defaults, no exemptions. */
  public static final RootlockConfig EMPTY = new RootlockConfig(null, null, null, List.of(), null);

  /** The file name looked for. */
  public static final String FILE_NAME = ".rootlock.yaml";

  public RootlockConfig {
    exemptions = List.copyOf(exemptions);
  }
}
