package dev.rootlock.webhook;

import dev.rootlock.policy.Level;
import dev.rootlock.policy.LevelVersion;

/**
 * Who a message speaks for: {@code PodSecurity} under PSA's own levels, so that the text is PSA's
 * word for word, and {@code rootlock} under {@code hardened}, which PSA does not have (the same rule
 * as {@link dev.rootlock.policy.Decision}).
 */
final class PolicyNames {

  private PolicyNames() {}

  static String of(LevelVersion levelVersion) {
    return levelVersion.level() == Level.HARDENED ? "rootlock" : "PodSecurity";
  }
}
