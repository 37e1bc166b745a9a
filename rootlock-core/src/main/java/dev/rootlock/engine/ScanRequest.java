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
 * @param inputType what the inputs hold; {@code AUTO} decides per file
 * @param followSymlinks read symbolic links under a directory that lead out of it
 */
public record ScanRequest(
    List<String> inputs,
    LevelVersion policy,
    InputStream stdin,
    InputType inputType,
    boolean followSymlinks) {

  public ScanRequest {
    inputs = List.copyOf(inputs);
  }

  /** A request that stays inside the directories it is given. */
  public ScanRequest(
      List<String> inputs, LevelVersion policy, InputStream stdin, InputType inputType) {
    this(inputs, policy, stdin, inputType, false);
  }

  /** A request that decides each file's type by its name and content. */
  public ScanRequest(List<String> inputs, LevelVersion policy, InputStream stdin) {
    this(inputs, policy, stdin, InputType.AUTO);
  }
}
