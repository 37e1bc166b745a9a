package dev.rootlock.webhook.config;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;

/**
 * The three level-versions that apply to a namespace, one per mode, as PSA's {@code Policy}.
 *
 * @param enforce denies pods that fail it
 * @param audit recorded in the API server's audit log
 * @param warn returned to the client as a warning
 */
public record Policy(LevelVersion enforce, LevelVersion audit, LevelVersion warn) {

  private static final LevelVersion PRIVILEGED =
      LevelVersion.of(Level.PRIVILEGED, PolicyVersion.LATEST);

  /** Everything privileged at latest: what PSA uses with no configuration. */
  public static final Policy ALL_PRIVILEGED = new Policy(PRIVILEGED, PRIVILEGED, PRIVILEGED);

  /** Whether no mode can ever object (PSA's {@code FullyPrivileged}). */
  public boolean fullyPrivileged() {
    return enforce.level() == Level.PRIVILEGED
        && audit.level() == Level.PRIVILEGED
        && warn.level() == Level.PRIVILEGED;
  }

  /** Whether each mode is equivalent to {@code other}'s (privileged ignores versions). */
  public boolean equivalent(Policy other) {
    return enforce.equivalent(other.enforce)
        && audit.equivalent(other.audit)
        && warn.equivalent(other.warn);
  }

  Policy withEnforce(LevelVersion value) {
    return new Policy(value, audit, warn);
  }

  Policy withAudit(LevelVersion value) {
    return new Policy(enforce, value, warn);
  }

  Policy withWarn(LevelVersion value) {
    return new Policy(enforce, audit, value);
  }
}
