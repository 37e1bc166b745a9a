package dev.rootlock.webhook;

import dev.rootlock.policy.Level;
import dev.rootlock.policy.LevelVersion;
import dev.rootlock.policy.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a namespace's {@code rootlock.dev/*} labels into the policy that applies to it, with PSA's
 * rules (§5 of the PSA notes): an invalid enforce level fails closed to {@code restricted}, an
 * invalid audit or warn level fails open to {@code privileged}, an invalid version means {@code
 * latest}, and warn takes a stricter enforce level when it has no label of its own.
 */
final class PolicyLabels {

  static final String PREFIX = "rootlock.dev/";
  static final String ENFORCE = PREFIX + "enforce";
  static final String ENFORCE_VERSION = PREFIX + "enforce-version";
  static final String AUDIT = PREFIX + "audit";
  static final String AUDIT_VERSION = PREFIX + "audit-version";
  static final String WARN = PREFIX + "warn";
  static final String WARN_VERSION = PREFIX + "warn-version";
  /** Opts a namespace in to the mutating webhook. */
  static final String MUTATE = PREFIX + "mutate";

  static final String LEVEL_VALUES = "must be one of privileged, baseline, restricted, hardened";
  static final String VERSION_VALUES = "must be \"latest\" or \"v1.x\"";

  private PolicyLabels() {}

  /**
   * The policy a namespace's labels select.
   *
   * @param policy the effective policy
   * @param errors one per invalid label, in PSA's order (enforce, audit, warn; level before version)
   * @param enforceLabelled whether the enforce level or version label is present (likewise for audit
   *     and warn), which decides what the exempt-namespace warning lists
   */
  record Resolved(
      Policy policy,
      List<FieldError> errors,
      boolean enforceLabelled,
      boolean auditLabelled,
      boolean warnLabelled) {}

  static Resolved resolve(Map<String, String> labels, Policy defaults) {
    List<FieldError> errors = new ArrayList<>();
    LevelVersion enforce = defaults.enforce();
    LevelVersion audit = defaults.audit();
    LevelVersion warn = defaults.warn();

    String enforceLevel = labels.get(ENFORCE);
    boolean validEnforceLevel = false;
    if (enforceLevel != null) {
      Level level = parseLevel(enforceLevel, ENFORCE, errors);
      validEnforceLevel = level != null;
      enforce = new LevelVersion(level == null ? Level.RESTRICTED : level, enforce.version());
    }
    enforce = withVersion(enforce, labels.get(ENFORCE_VERSION), ENFORCE_VERSION, errors);

    String auditLevel = labels.get(AUDIT);
    if (auditLevel != null) {
      Level level = parseLevel(auditLevel, AUDIT, errors);
      audit = new LevelVersion(level == null ? Level.PRIVILEGED : level, audit.version());
    }
    audit = withVersion(audit, labels.get(AUDIT_VERSION), AUDIT_VERSION, errors);

    String warnLevel = labels.get(WARN);
    if (warnLevel != null) {
      Level level = parseLevel(warnLevel, WARN, errors);
      warn = new LevelVersion(level == null ? Level.PRIVILEGED : level, warn.version());
    }
    String warnVersion = labels.get(WARN_VERSION);
    warn = withVersion(warn, warnVersion, WARN_VERSION, errors);

    // Whoever enforces a level wants to hear about it before it bites: warn follows a stricter
    // enforce unless it was labelled itself.
    if (warnLevel == null && validEnforceLevel && enforce.level().compareTo(warn.level()) > 0) {
      warn =
          new LevelVersion(enforce.level(), warnVersion == null ? enforce.version() : warn.version());
    }
    return new Resolved(
        new Policy(enforce, audit, warn),
        List.copyOf(errors),
        labels.containsKey(ENFORCE) || labels.containsKey(ENFORCE_VERSION),
        labels.containsKey(AUDIT) || labels.containsKey(AUDIT_VERSION),
        labels.containsKey(WARN) || labels.containsKey(WARN_VERSION));
  }

  private static Level parseLevel(String value, String label, List<FieldError> errors) {
    try {
      return Level.parse(value);
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.invalid(field(label), value, LEVEL_VALUES));
      return null;
    }
  }

  private static LevelVersion withVersion(
      LevelVersion current, String value, String label, List<FieldError> errors) {
    if (value == null) {
      return current;
    }
    try {
      return new LevelVersion(current.level(), PolicyVersion.parse(value));
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.invalid(field(label), value, VERSION_VALUES));
      return new LevelVersion(current.level(), PolicyVersion.LATEST);
    }
  }

  private static String field(String label) {
    return "metadata.labels[" + label + "]";
  }
}
