package dev.rootlock.cli;

import dev.rootlock.engine.Configuration;
import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --profile} and {@code --policy-version}, shared by every command that evaluates. */
final class PolicyOptions {

  /** The command these options belong to. */
  CommandSpec spec;

  Profile profile;

  String version;

  /** Adds {@code -p/--profile} and {@code --policy-version} to {@code command}. */
  static PolicyOptions mixInto(CommandSpec command) {
    PolicyOptions policy = new PolicyOptions();
    policy.spec = command;
    command.addMixin(
        "policy",
        Commands.mixin(policy)
            .addOption(
                Flags.profile(
                        Profile.class,
                        level -> policy.profile = level,
                        "Policy level: baseline, restricted (Pod Security Admission's, exactly), or"
                            + " hardened (restricted + read-only root and safe writable mounts)."
                            + " Default: the config file's level, else hardened.")
                    .build())
            .addOption(
                Flags.value(String.class, version -> policy.version = version, "--policy-version")
                    .paramLabel("<version>")
                    .description(
                        "Pod Security Admission policy version: latest or v1.N (v1.0 to v1.37), as"
                            + " in the pod-security.kubernetes.io/enforce-version label. Default:"
                            + " the config file's version, else latest.")
                    .build()));
    return policy;
  }

  LevelVersion levelVersion() {
    return levelVersion(Configuration.NONE);
  }

  /** The flags' level and version, else the config file's, else hardened:latest. */
  LevelVersion levelVersion(Configuration config) {
    String version =
        this.version != null
            ? this.version
            : config.version() != null ? config.version().toString() : "latest";
    Level level = profile != null ? profile.level() : config.level();
    if (level == null) {
      level = Level.HARDENED;
    }
    if (level == Level.PRIVILEGED) {
      throw new ParameterException(
          spec.commandLine(),
          "--profile: privileged allows everything; choose baseline, restricted or hardened");
    }
    return LevelVersion.of(level, parseVersion(spec.commandLine(), version));
  }

  /** {@code --policy-version}'s value, or a usage error naming the flag. */
  static PolicyVersion parseVersion(CommandLine command, String version) {
    try {
      return PolicyVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command, "--policy-version: " + e.getMessage());
    }
  }
}
