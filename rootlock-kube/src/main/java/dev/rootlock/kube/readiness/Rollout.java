package dev.rootlock.kube.readiness;

import dev.rootlock.kube.client.KubeOptions;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubectl label} commands of the rollout the seeds recommend: warn first (users see what
 * would fail), then audit (the audit log records it), then enforce. {@code hardened} is rootlock's
 * level, so it goes in {@code rootlock.dev/*} labels; PSA's levels in {@code
 * pod-security.kubernetes.io/*}.
 */
final class Rollout {

  static final String PSA_PREFIX = "pod-security.kubernetes.io/";
  static final String ROOTLOCK_PREFIX = "rootlock.dev/";
  private static final List<String> MODES = List.of("warn", "audit", "enforce");

  private Rollout() {}

  static String prefix(Level level) {
    return level == Level.HARDENED ? ROOTLOCK_PREFIX : PSA_PREFIX;
  }

  /** The commands for the steps {@code labels} do not already have. */
  static List<String> commands(
      String namespace, LevelVersion target, Map<String, String> labels, KubeOptions options) {
    String prefix = prefix(target.level());
    StringBuilder flags = new StringBuilder();
    if (options.kubeconfig() != null) {
      flags.append(" --kubeconfig ").append(options.kubeconfig());
    }
    if (options.context() != null) {
      flags.append(" --context ").append(options.context());
    }
    List<String> commands = new ArrayList<>();
    for (String mode : MODES) {
      String level = target.level().toString();
      String version = target.version().toString();
      if (level.equals(labels.get(prefix + mode))
          && version.equals(labels.getOrDefault(prefix + mode + "-version", "latest"))) {
        continue;
      }
      commands.add(
          "kubectl"
              + flags
              + " label --overwrite namespace "
              + namespace
              + " "
              + prefix
              + mode
              + "="
              + level
              + " "
              + prefix
              + mode
              + "-version="
              + version);
    }
    return commands;
  }
}
