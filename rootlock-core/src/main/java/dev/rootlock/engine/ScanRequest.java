package dev.rootlock.engine;

import dev.rootlock.policy.LevelVersion;
import dev.rootlock.source.kube.WorkloadKinds;
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
 */
public record ScanRequest(
    List<String> inputs,
    LevelVersion policy,
    InputStream stdin,
    InputType inputType,
    WorkloadKinds kinds) {

  public ScanRequest {
    inputs = List.copyOf(inputs);
    kinds = kinds == null ? WorkloadKinds.builtIn() : kinds;
  }

  /** A request over the built-in workload kinds. */
  public ScanRequest(
      List<String> inputs, LevelVersion policy, InputStream stdin, InputType inputType) {
    this(inputs, policy, stdin, inputType, WorkloadKinds.builtIn());
  }

  /** A request that decides each file's type by its name and content. */
  public ScanRequest(List<String> inputs, LevelVersion policy, InputStream stdin) {
    this(inputs, policy, stdin, InputType.AUTO);
  }
}
