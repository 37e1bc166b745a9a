package dev.rootlock.engine;

import dev.rootlock.policy.LevelVersion;
import java.io.InputStream;
import java.util.List;

/**
 * What to scan and against what.
 *
 * @param inputs files and directories as the user named them; {@code -} is standard input
 * @param policy the level and version to evaluate, e.g. {@code hardened:latest}
 * @param stdin where {@code -} reads from
 */
public record ScanRequest(List<String> inputs, LevelVersion policy, InputStream stdin) {

  public ScanRequest {
    inputs = List.copyOf(inputs);
  }
}
