package dev.rootlock.cli;

import dev.rootlock.model.Level;

/** The levels fix writes settings for: baseline asks for nothing fix can add. */
enum FixProfile {
  restricted(Level.RESTRICTED),
  hardened(Level.HARDENED);

  private final Level level;

  FixProfile(Level level) {
    this.level = level;
  }

  Level level() {
    return level;
  }
}
