package dev.rootlock.engine;

import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.WorkloadKinds;
import java.io.InputStream;
import java.util.List;

/**
 * What to scan and against what.
 *
 * @param inputs files and directories as the user named them; {@code -} is standard input
 * @param policy the level and version to evaluate, e.g. {@code hardened:latest}
 * @param stdin where {@code -} reads from
 * @param inputType what the inputs hold; {@code AUTO} decides per file
 * @param kinds the kinds that carry a pod template: the built-in table plus the user's mappings
 * @param followSymlinks read symbolic links under a directory that lead out of it
 * @param compose how Compose projects are read: {@code -f} files and {@code --env-file}
 * @param exemptions which exemptions to honour; in-object ones only, judged today, when not given
 */
public record ScanRequest(
    List<String> inputs,
    LevelVersion policy,
    InputStream stdin,
    InputType inputType,
    WorkloadKinds kinds,
    boolean followSymlinks,
    ComposeOptions compose,
    ExemptionRules exemptions) {

  public ScanRequest {
    inputs = List.copyOf(inputs);
    kinds = kinds == null ? WorkloadKinds.builtIn() : kinds;
    compose = compose == null ? ComposeOptions.DEFAULT : compose;
    exemptions =
        exemptions == null
            ? ExemptionRules.of(List.of(), java.time.LocalDate.now(java.time.ZoneOffset.UTC))
            : exemptions;
  }

  /**
   * A request that reads each Compose file as its own project, with the {@code .env} beside it, and
   * honours the exemptions written in the objects themselves.
   */
  public ScanRequest(
      List<String> inputs,
      LevelVersion policy,
      InputStream stdin,
      InputType inputType,
      WorkloadKinds kinds,
      boolean followSymlinks) {
    this(inputs, policy, stdin, inputType, kinds, followSymlinks, ComposeOptions.DEFAULT, null);
  }

  /** A request that stays inside the directories it is given. */
  public ScanRequest(
      List<String> inputs,
      LevelVersion policy,
      InputStream stdin,
      InputType inputType,
      WorkloadKinds kinds) {
    this(inputs, policy, stdin, inputType, kinds, false);
  }

  /** A request over the built-in workload kinds. */
  public ScanRequest(
      List<String> inputs,
      LevelVersion policy,
      InputStream stdin,
      InputType inputType,
      boolean followSymlinks) {
    this(inputs, policy, stdin, inputType, WorkloadKinds.builtIn(), followSymlinks);
  }

  /** A request over the built-in workload kinds that stays inside the directories it is given. */
  public ScanRequest(
      List<String> inputs, LevelVersion policy, InputStream stdin, InputType inputType) {
    this(inputs, policy, stdin, inputType, WorkloadKinds.builtIn(), false);
  }

  /** A request that decides each file's type by its name and content. */
  public ScanRequest(List<String> inputs, LevelVersion policy, InputStream stdin) {
    this(inputs, policy, stdin, InputType.AUTO);
  }
}
