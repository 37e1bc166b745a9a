package dev.rootlock.webhook.config;

import dev.rootlock.model.Level;
import dev.rootlock.model.LevelVersion;
import dev.rootlock.model.PolicyVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a namespace's {@code rootlock.dev/*} labels into the policy that applies to it, with PSA's
 * rules (§5 of the PSA notes): an invalid enforce level fails closed to {@code restricted}, an
 * invalid audit or warn level fails open to {@code privileged}, an invalid version means {@code
 * latest}, and warn takes a stricter enforce level when it has no label of its own.
 *
 * <p>When the webhook shadows PSA ({@code webhook serve --shadow-psa}), a mode that has no rootlock
 * label (neither level nor version) is read from PSA's {@code pod-security.kubernetes.io/*} labels
 * instead, with PSA's levels only ({@code hardened} is not one of them), so a namespace labelled
 * for PSA alone is judged at PSA's level and version.
 */
public final class PolicyLabels {

  static final String PREFIX = "rootlock.dev/";
  static final String ENFORCE = PREFIX + "enforce";
  static final String ENFORCE_VERSION = PREFIX + "enforce-version";
  static final String AUDIT = PREFIX + "audit";
  static final String AUDIT_VERSION = PREFIX + "audit-version";
  static final String WARN = PREFIX + "warn";
  static final String WARN_VERSION = PREFIX + "warn-version";

  /** Opts a namespace in to the mutating webhook. */
  public static final String MUTATE = PREFIX + "mutate";

  /** PSA's own labels, read when shadowing PSA. */
  static final String PSA_PREFIX = "pod-security.kubernetes.io/";

  static final String LEVEL_VALUES = "must be one of privileged, baseline, restricted, hardened";
  static final String PSA_LEVEL_VALUES = "must be one of privileged, baseline, restricted";
  static final String VERSION_VALUES = "must be \"latest\" or \"v1.x\"";

  private PolicyLabels() {}

  /**
   * The policy a namespace's labels select.
   *
   * @param policy the effective policy
   * @param errors one per invalid label, in PSA's order (enforce, audit, warn; level before
   *     version)
   * @param enforceLabelled whether the enforce level or version label is present (likewise for
   *     audit and warn), which decides what the exempt-namespace warning lists
   */
  public record Resolved(
      Policy policy,
      List<FieldError> errors,
      boolean enforceLabelled,
      boolean auditLabelled,
      boolean warnLabelled) {}

  /** rootlock's own labels only. */
  static Resolved resolve(Map<String, String> labels, Policy defaults) {
    return resolve(labels, defaults, false);
  }

  /**
   * The policy a namespace's labels select, over {@code defaults}.
   *
   * @param shadowPsa whether a mode without rootlock labels is read from PSA's labels
   */
  public static Resolved resolve(Map<String, String> labels, Policy defaults, boolean shadowPsa) {
    List<FieldError> errors = new ArrayList<>();
    Mode enforceMode = Mode.of("enforce", labels, shadowPsa);
    Mode auditMode = Mode.of("audit", labels, shadowPsa);
    Mode warnMode = Mode.of("warn", labels, shadowPsa);
    LevelVersion enforce = defaults.enforce();
    LevelVersion audit = defaults.audit();
    LevelVersion warn = defaults.warn();

    String enforceLevel = enforceMode.level(labels);
    boolean validEnforceLevel = false;
    if (enforceLevel != null) {
      Level level = enforceMode.parseLevel(enforceLevel, errors);
      validEnforceLevel = level != null;
      enforce = new LevelVersion(level == null ? Level.RESTRICTED : level, enforce.version());
    }
    enforce = enforceMode.withVersion(enforce, labels, errors);

    String auditLevel = auditMode.level(labels);
    if (auditLevel != null) {
      Level level = auditMode.parseLevel(auditLevel, errors);
      audit = new LevelVersion(level == null ? Level.PRIVILEGED : level, audit.version());
    }
    audit = auditMode.withVersion(audit, labels, errors);

    String warnLevel = warnMode.level(labels);
    if (warnLevel != null) {
      Level level = warnMode.parseLevel(warnLevel, errors);
      warn = new LevelVersion(level == null ? Level.PRIVILEGED : level, warn.version());
    }
    String warnVersion = warnMode.version(labels);
    warn = warnMode.withVersion(warn, labels, errors);

    // Whoever enforces a level wants to hear about it before it bites: warn follows a stricter
    // enforce unless it was labelled itself.
    if (warnLevel == null && validEnforceLevel && enforce.level().compareTo(warn.level()) > 0) {
      warn =
          new LevelVersion(
              enforce.level(), warnVersion == null ? enforce.version() : warn.version());
    }
    return new Resolved(
        new Policy(enforce, audit, warn),
        List.copyOf(errors),
        enforceMode.labelled(labels),
        auditMode.labelled(labels),
        warnMode.labelled(labels));
  }

  /** One mode's pair of labels, rootlock's or (when shadowing PSA and rootlock has none) PSA's. */
  private record Mode(String levelLabel, String versionLabel, boolean psa) {

    static Mode of(String mode, Map<String, String> labels, boolean shadowPsa) {
      Mode rootlock = new Mode(PREFIX + mode, PREFIX + mode + "-version", false);
      Mode psa = new Mode(PSA_PREFIX + mode, PSA_PREFIX + mode + "-version", true);
      return shadowPsa && !rootlock.labelled(labels) && psa.labelled(labels) ? psa : rootlock;
    }

    boolean labelled(Map<String, String> labels) {
      return labels.containsKey(levelLabel) || labels.containsKey(versionLabel);
    }

    String level(Map<String, String> labels) {
      return labels.get(levelLabel);
    }

    String version(Map<String, String> labels) {
      return labels.get(versionLabel);
    }

    Level parseLevel(String value, List<FieldError> errors) {
      return PolicyLabels.parseLevel(value, levelLabel, errors, psa);
    }

    LevelVersion withVersion(
        LevelVersion current, Map<String, String> labels, List<FieldError> errors) {
      return PolicyLabels.withVersion(current, version(labels), versionLabel, errors);
    }
  }

  private static Level parseLevel(
      String value, String label, List<FieldError> errors, boolean psa) {
    Level level;
    try {
      level = Level.parse(value);
    } catch (IllegalArgumentException e) {
      level = null;
    }
    // PSA's labels take PSA's levels: PSA itself refuses (and fails closed on) "hardened".
    if (level == null || (psa && level == Level.HARDENED)) {
      errors.add(FieldError.invalid(field(label), value, psa ? PSA_LEVEL_VALUES : LEVEL_VALUES));
      return null;
    }
    return level;
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
