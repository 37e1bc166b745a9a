package dev.rootlock.cli;

import dev.rootlock.model.Level;

/**
 * The levels a command can judge by: PSA's privileged allows everything, so no flag offers it.
 * picocli converts and lists these; {@link UsageErrorHandler} words its message.
 */
enum Profile {
  baseline(Level.BASELINE),
  restricted(Level.RESTRICTED),
  hardened(Level.HARDENED);

  private final Level level;

  Profile(Level level) {
    this.level = level;
  }

  Level level() {
    return level;
  }
}
